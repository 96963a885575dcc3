/** A clinic (the organisation at the top of a chain of branches): commands, events, state and decider. */
package com.clinic.directory.domain.clinic;
