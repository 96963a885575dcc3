package com.clinic.notifications;

import com.clinic.ClinicApplication;
import com.clinic.notifications.application.NotificationRequests;
import com.clinic.notifications.application.NotificationRequests.Message;
import com.clinic.notifications.application.templates.MessageTemplates.Value;
import com.clinic.notifications.domain.Category;
import com.clinic.notifications.domain.Recipient;
import com.clinic.notifications.domain.Urgency;
import com.clinic.support.ProviderFakes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminder burst of the benchmark (bench/reminders): N reminders, each for a patient with a
 * login (an in-app notice and an SMS, the push device missing), planned through the application's
 * own request path, all made due at the same instant, then delivered by the real pipeline (durable
 * deadlines, the notification aggregate, the dispatch processor, the Twilio SDK) to the local
 * provider fake in this JVM. Reports how late each message was handed over (p50, p99, max) and how
 * long the whole burst took. Not a test: a program the benchmark script runs on a database of its
 * own.
 *
 * <p>Arguments: {@code --db-url URL --count N --out FILE [--sms-rate N] [--dispatch-threads N]
 * [--deadline-threads N] [--timeout-seconds N]}.
 */
public final class ReminderBurst {

    private ReminderBurst() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String dbUrl = required(options, "db-url");
        int count = Integer.parseInt(required(options, "count"));
        Path out = Path.of(required(options, "out"));
        int smsRate = Integer.parseInt(options.getOrDefault("sms-rate", "1000"));
        int dispatchThreads = Integer.parseInt(options.getOrDefault("dispatch-threads", "2"));
        int deadlineThreads = Integer.parseInt(options.getOrDefault("deadline-threads", "4"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout-seconds", "3600")));

        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + dbUrl,
                "--server.port=0",
                "--clinic.notifications.sms.rate-per-second=" + smsRate,
                "--clinic.notifications.delivery.dispatch-threads=" + dispatchThreads,
                "--clinic.deadlines.threads=" + deadlineThreads,
                "--logging.level.root=WARN"));
        ProviderFakes.get().properties().forEach(property -> arguments.add("--" + property));
        try (ConfigurableApplicationContext app =
                new SpringApplicationBuilder(ClinicApplication.class).run(arguments.toArray(String[]::new))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            NotificationRequests requests = app.getBean(NotificationRequests.class);
            TransactionTemplate transactions = app.getBean(TransactionTemplate.class);

            // Planned for tomorrow, as a booking would; then all made due at one instant.
            Instant planned = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
            long planStart = System.nanoTime();
            int batch = 100;
            for (int from = 0; from < count; from += batch) {
                int to = Math.min(count, from + batch);
                int first = from;
                transactions.executeWithoutResult(status -> {
                    for (int i = first; i < to; i++) {
                        requests.request(reminder(i, planned));
                    }
                });
                if (to % 10_000 == 0) {
                    System.out.printf(Locale.ROOT, "planned %d reminders%n", to);
                }
            }
            double planSeconds = (System.nanoTime() - planStart) / 1e9;
            int expected = 2 * count;
            int deadlines = jdbc.queryForObject(
                    "select count(*) from scheduled_tasks where task_name = 'AxonDeadline' and not picked",
                    Integer.class);
            if (deadlines != expected) {
                throw new IllegalStateException("expected " + expected + " deadlines, found " + deadlines);
            }
            Instant due = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
            jdbc.update(
                    "update scheduled_tasks set execution_time = ? where task_name = 'AxonDeadline'",
                    java.sql.Timestamp.from(due));
            System.out.printf(Locale.ROOT, "%d reminders planned in %.1f s; all due at %s%n", count, planSeconds, due);

            // The read model is what staff see; it settles a moment after the last send.
            Instant deadline = Instant.now().plus(timeout);
            int handed = 0;
            while (Instant.now().isBefore(deadline)) {
                Map<String, Object> counts = jdbc.queryForMap(
                        "select count(*) filter (where status in ('SENT', 'DELIVERED', 'READ')) as handed,"
                                + " count(*) filter (where status in ('SCHEDULED', 'DUE', 'IN_FLIGHT', 'WAITING')) as open,"
                                + " count(*) as seen from notification_view");
                handed = ((Number) counts.get("handed")).intValue();
                boolean settled = ((Number) counts.get("open")).intValue() == 0
                        && ((Number) counts.get("seen")).intValue() >= expected;
                if (handed >= expected || settled) {
                    break;
                }
                Thread.sleep(1000);
            }
            Map<String, Object> result = new HashMap<>();
            result.put("reminders", count);
            result.put("messages", expected);
            result.put("delivered", handed);
            result.put("planSeconds", planSeconds);
            result.put("smsRatePerSecond", smsRate);
            result.put("dispatchThreads", dispatchThreads);
            result.put("deadlineThreads", deadlineThreads);
            result.put("cores", Runtime.getRuntime().availableProcessors());
            for (String channel : List.of("SMS", "IN_APP")) {
                Map<String, Object> lateness = jdbc.queryForMap(
                        "select count(*) as n,"
                                + " percentile_cont(0.5) within group (order by extract(epoch from updated_at - ?)) as p50,"
                                + " percentile_cont(0.99) within group (order by extract(epoch from updated_at - ?)) as p99,"
                                + " max(extract(epoch from updated_at - ?)) as max"
                                + " from notification_view where status in ('SENT', 'DELIVERED', 'READ') and channel = ?",
                        java.sql.Timestamp.from(due),
                        java.sql.Timestamp.from(due),
                        java.sql.Timestamp.from(due),
                        channel);
                result.put(channel.toLowerCase(Locale.ROOT), lateness);
            }
            Integer sentTwice = jdbc.queryForObject(
                    "select count(*) from (select notification_id from notification_attempt"
                            + " where outcome = 'ACCEPTED' group by notification_id having count(*) > 1) twice",
                    Integer.class);
            result.put("acceptedTwice", sentTwice);
            Map<String, Object> statuses = new HashMap<>();
            jdbc.queryForList("select status, count(*) as n from notification_view group by status")
                    .forEach(row -> statuses.put((String) row.get("status"), row.get("n")));
            result.put("statuses", statuses);
            Files.writeString(out, json(result));
            System.out.println(json(result));
            if (handed < expected) {
                System.err.printf(
                        Locale.ROOT, "only %d of %d messages went out within %s%n", handed, expected, timeout);
                System.exit(2);
            }
        }
        System.exit(0);
    }

    private static Message reminder(int i, Instant planned) {
        UUID userId = UUID.randomUUID();
        Map<String, Value> parameters = new HashMap<>();
        parameters.put("doctorName", new Value.Name("د. سارة القحطاني", "Dr. Sarah Al-Qahtani"));
        parameters.put("start", new Value.Time(planned.plus(Duration.ofHours(24))));
        parameters.put("hoursBefore", new Value.Count(24));
        parameters.put("_zone", new Value.Text("Asia/Riyadh"));
        parameters.put("_language", new Value.Text(i % 2 == 0 ? "ar" : "en"));
        parameters.put("_phone", new Value.Text("+9665" + String.format(Locale.ROOT, "%08d", i)));
        return new Message(
                "appointment.reminder",
                Category.REMINDERS,
                Urgency.NORMAL,
                Recipient.account(userId),
                Optional.empty(),
                // About no appointment: the dispatcher's check that the appointment still holds its
                // time (one read of its events) needs real bookings, which this run does not make.
                Optional.empty(),
                parameters,
                planned,
                Optional.empty(),
                "bench-reminder:" + userId);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static String json(Map<String, Object> result) {
        return tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(result);
    }
}
