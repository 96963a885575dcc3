package com.clinic.scheduling.application.availability;

import java.time.LocalDate;
import java.util.UUID;

/** A day a branch is closed, in the branch's local calendar. */
public record HolidayView(UUID branchId, LocalDate date, String nameAr, String nameEn) {}
