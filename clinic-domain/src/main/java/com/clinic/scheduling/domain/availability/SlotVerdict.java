package com.clinic.scheduling.domain.availability;

/**
 * What a booking at one exact start would meet, told apart because clients must react differently:
 * an off-grid start can never succeed (422), a taken or not-yet/no-longer bookable one is about the
 * moment (409), and searching again finds what is free.
 */
public enum SlotVerdict {
    /** One of the doctor's slots for the type, with a lane free. */
    FREE,
    /** One of the doctor's slots for the type, but every lane it may use is claimed. */
    TAKEN,
    /** Not a start the doctor's schedule offers for the type: outside the working time, or between two slots. */
    OFF_GRID,
    /** Before the type's minimum notice or beyond its horizon. */
    OUTSIDE_BOOKING_WINDOW
}
