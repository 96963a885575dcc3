package com.clinic.platform.bootstrap.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.clinic.ClinicApplication;
import com.clinic.scheduling.waitlist.SeparateDatabase;
import com.clinic.support.Api;
import com.clinic.support.Sessions;
import com.clinic.support.TestDatabase;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The demo profile on an empty database of its own, started as a user would start it, then used over
 * HTTP with the logins it prints: a patient books, reception sees today's queues, the manager the
 * waiting list. Run again on the now seeded database, it refuses in one line and changes nothing.
 */
class DemoClinicTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final String PASSWORD = DemoProperties.DEFAULT_PASSWORD;

    private final TestDatabase.Connection db = SeparateDatabase.create();

    @Test
    void anEmptyDatabaseBecomesAClinicToUseAndASecondRunRefusesInOneLine() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ClinicApplication.class)
                .profiles("test", "demo")
                .run(
                        "--spring.datasource.url=" + db.url(),
                        "--spring.datasource.username=" + db.user(),
                        "--spring.datasource.password=" + db.password(),
                        "--server.port=0",
                        "--clinic.deadlines.polling-interval=PT0.5S")) {
            Api api = Api.on(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));

            Api mona = api.as(Sessions.login(api, "+966550000101", PASSWORD).accessToken());
            JsonNode me = mona.get("/api/v1/patients/me").body();
            String branch = me.path("homeBranchId").asString();
            String doctor = mona.get("/api/v1/doctors?specialty=cardiology&branchId=" + branch)
                    .json("items")
                    .get(0)
                    .path("id")
                    .asString();
            String type = mona.get("/api/v1/appointment-types?clinicId="
                            + me.path("clinicId").asString())
                    .json("items")
                    .get(0)
                    .path("appointmentTypeId")
                    .asString();
            LocalDate today = LocalDate.now(RIYADH);
            Api.Response slots = mona.get("/api/v1/slots?doctorId=" + doctor + "&branchId=" + branch
                    + "&appointmentTypeId=" + type + "&from=" + today + "&to=" + today.plusDays(7) + "&limit=5");
            assertThat(slots.json("items")).as(slots.toString()).isNotEmpty();
            Map<String, Object> slot = Map.of(
                    "doctorId", doctor,
                    "branchId", branch,
                    "appointmentTypeId", type,
                    "start", slots.json("items").get(0).path("startUtc").asString());
            Api.Response booked = mona.post("/api/v1/appointments", Map.of("slot", slot));
            assertThat(booked.status()).as(booked.toString()).isEqualTo(201);

            Api desk = api.as(Sessions.login(api, "reception.riyadh@alshifa.example", PASSWORD)
                    .accessToken());
            List<String> riyadhDoctors = new ArrayList<>();
            desk.get("/api/v1/doctors?branchId=" + branch)
                    .json("items")
                    .forEach(item -> riyadhDoctors.add(item.path("id").asString()));
            assertThat(riyadhDoctors).hasSize(4);
            int waiting = 0;
            for (String riyadhDoctor : riyadhDoctors) {
                Api.Response board = desk.get("/api/v1/queues/" + riyadhDoctor + "/" + branch + "/" + today);
                if (board.status() == 200) {
                    waiting += board.json("waiting").size();
                }
            }
            assertThat(waiting).as("tickets waiting in today's Riyadh queues").isPositive();

            Api manager = api.as(
                    Sessions.login(api, "manager@alshifa.example", PASSWORD).accessToken());
            assertThat(manager.get("/api/v1/waitlist?status=WAITING").json("items"))
                    .hasSizeGreaterThanOrEqualTo(6);
            Api omar = api.as(Sessions.login(api, "omar.alshehri@patients.example", PASSWORD)
                    .accessToken());
            assertThat(omar.get("/api/v1/waitlist").json("items")).hasSize(1);

            Logger demoLog = (Logger) LoggerFactory.getLogger(DemoData.class);
            ListAppender<ILoggingEvent> lines = new ListAppender<>();
            lines.start();
            demoLog.addAppender(lines);
            try {
                app.getBean(DemoData.class).run(new DefaultApplicationArguments());
            } finally {
                demoLog.detachAppender(lines);
            }
            assertThat(lines.list).singleElement().satisfies(line -> {
                assertThat(line.getLevel()).isEqualTo(Level.WARN);
                assertThat(line.getFormattedMessage()).isEqualTo(DemoData.REFUSAL);
            });
            Api admin = api.as(Sessions.admin(api));
            assertThat(admin.get("/api/v1/clinics").json("items"))
                    .as("nothing seeded the second time")
                    .hasSize(1);
        }
    }
}
