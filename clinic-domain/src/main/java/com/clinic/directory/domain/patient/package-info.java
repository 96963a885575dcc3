/** A patient's record, whose personal data the domain only ever sees sealed: commands, events, state, decider. */
package com.clinic.directory.domain.patient;
