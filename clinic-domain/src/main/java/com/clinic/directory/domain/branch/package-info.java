/** A branch of a clinic, where patients are seen: commands, events, state and decider. */
package com.clinic.directory.domain.branch;
