/** Shared kernel of the domain: the decider contract, typed rejections, roles and opaque protected data. */
package com.clinic.platform.domain;
