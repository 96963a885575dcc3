/** The {@code demo} profile: seeds a believable clinic chain through the real use cases. */
package com.clinic.platform.bootstrap.demo;
