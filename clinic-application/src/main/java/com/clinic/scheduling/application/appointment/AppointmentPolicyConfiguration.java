package com.clinic.scheduling.application.appointment;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The booking policy from configuration ({@code clinic.appointments.*}). */
@Configuration(proxyBeanMethods = false)
class AppointmentPolicyConfiguration {

    @Bean
    AppointmentPolicy appointmentPolicy(
            @Value("${clinic.appointments.hold-duration:PT5M}") Duration holdDuration,
            @Value("${clinic.appointments.no-show-grace:PT15M}") Duration noShowGrace,
            @Value("${clinic.appointments.late-cancel-window:PT24H}") Duration lateCancelWindow) {
        return new AppointmentPolicy(holdDuration, noShowGrace, lateCancelWindow);
    }
}
