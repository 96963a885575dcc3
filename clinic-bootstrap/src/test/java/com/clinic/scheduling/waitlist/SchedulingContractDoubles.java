package com.clinic.scheduling.waitlist;

import com.clinic.scheduling.application.appointment.WaitlistBooking;
import com.clinic.scheduling.application.availability.AppointmentTypes;
import com.clinic.scheduling.application.availability.SlotSearch;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test-only auto-configuration (listed in the test classpath's AutoConfiguration.imports): doubles
 * for the scheduling contracts other engineers implement, each only while no real implementation
 * exists, so they step aside by themselves once one lands. Also a clock tests can move forward.
 */
@AutoConfiguration
public class SchedulingContractDoubles {

    @Bean
    @ConditionalOnMissingBean(WaitlistBooking.class)
    FakeWaitlistBooking fakeWaitlistBooking() {
        return new FakeWaitlistBooking();
    }

    @Bean
    @ConditionalOnMissingBean(SlotSearch.class)
    FakeSlotSearch fakeSlotSearch() {
        return new FakeSlotSearch();
    }

    @Bean
    @ConditionalOnMissingBean(AppointmentTypes.class)
    FakeAppointmentTypes fakeAppointmentTypes() {
        return new FakeAppointmentTypes();
    }

    /** Replaces the system clock in tests; it is the real clock until a test moves it. */
    @Bean
    @Primary
    AdjustableClock adjustableClock() {
        return new AdjustableClock();
    }
}
