/** Doctor schedules and the pure computation of free slots from them, in the branch's time zone. */
package com.clinic.scheduling.domain.availability;
