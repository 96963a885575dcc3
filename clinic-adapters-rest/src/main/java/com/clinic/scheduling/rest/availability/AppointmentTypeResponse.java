package com.clinic.scheduling.rest.availability;

import com.clinic.scheduling.application.availability.AppointmentTypeView;
import java.math.BigDecimal;
import java.util.UUID;

/** An appointment type in the units clients send: minutes, and days for the horizon; the slot interval always. */
record AppointmentTypeResponse(
        UUID appointmentTypeId,
        UUID clinicId,
        String nameAr,
        String nameEn,
        long durationMinutes,
        long bufferBeforeMinutes,
        long bufferAfterMinutes,
        long minimumNoticeMinutes,
        long horizonDays,
        int capacity,
        long slotIntervalMinutes,
        boolean virtual,
        BigDecimal price,
        String currency,
        boolean active,
        long version) {

    static AppointmentTypeResponse of(AppointmentTypeView view) {
        var rules = view.rules();
        return new AppointmentTypeResponse(
                view.appointmentTypeId(),
                view.clinicId(),
                view.nameAr(),
                view.nameEn(),
                rules.duration().toMinutes(),
                rules.bufferBefore().toMinutes(),
                rules.bufferAfter().toMinutes(),
                rules.minimumNotice().toMinutes(),
                rules.horizon().toDays(),
                rules.capacity(),
                rules.slotInterval().toMinutes(),
                view.virtual(),
                view.price(),
                view.currency(),
                view.active(),
                view.version());
    }
}
