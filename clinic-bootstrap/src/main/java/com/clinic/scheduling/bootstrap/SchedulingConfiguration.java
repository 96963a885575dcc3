package com.clinic.scheduling.bootstrap;

import com.clinic.scheduling.application.appointment.AppointmentPolicy;
import com.clinic.scheduling.application.queue.QueueSettings;
import com.clinic.scheduling.application.waitlist.WaitlistSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Scheduling's settings records; an invalid value stops the application at start-up, not at the first booking. */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    @Bean
    AppointmentPolicy appointmentPolicy(SchedulingProperties properties) {
        SchedulingProperties.Appointments appointments = properties.appointments();
        return new AppointmentPolicy(
                appointments.holdDuration(), appointments.noShowGrace(), appointments.lateCancelWindow());
    }

    @Bean
    WaitlistSettings waitlistSettings(SchedulingProperties properties) {
        SchedulingProperties.Waitlist waitlist = properties.waitlist();
        return new WaitlistSettings(waitlist.offerTtl(), waitlist.projectionWait());
    }

    @Bean
    QueueSettings queueSettings(SchedulingProperties properties) {
        SchedulingProperties.Queue queue = properties.queue();
        return new QueueSettings(
                queue.grace(),
                queue.plannedConsultation(),
                queue.historySize(),
                queue.historyWindow(),
                queue.admissionHorizon(),
                new QueueSettings.Live(queue.stream().timeout(), queue.stream().refresh(), queue.listenPollTimeout()));
    }
}
