package com.clinic.notifications.application.templates;

import static com.clinic.notifications.application.templates.IcuMessageTemplatesTest.DOCTOR;
import static com.clinic.notifications.application.templates.IcuMessageTemplatesTest.RIYADH;
import static com.clinic.notifications.application.templates.IcuMessageTemplatesTest.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.notifications.application.TemplateSettings;
import com.clinic.notifications.application.templates.MessageTemplates.Rendered;
import com.clinic.notifications.application.templates.MessageTemplates.Request;
import com.clinic.notifications.application.templates.MessageTemplates.UnknownTemplate;
import com.clinic.notifications.application.templates.MessageTemplates.Value;
import com.clinic.notifications.application.templates.MessageTemplates.Value.Name;
import com.clinic.notifications.application.templates.MessageTemplates.Value.Time;
import com.clinic.notifications.domain.Channel;
import com.clinic.testsupport.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clinic's own template files: what they replace, for whom, when they are read, what falls back. */
class IcuMessageTemplatesOverrideTest {

    private static final UUID CLINIC = UUID.fromString("0198c6a2-0000-7000-8000-000000000001");
    private static final UUID OTHER_CLINIC = UUID.fromString("0198c6a2-0000-7000-8000-000000000002");
    private static final Map<String, Value> BOOKED = Map.of(
            "doctorName",
            DOCTOR,
            "start",
            new Time(START),
            "appointmentType",
            new Name("كشف عام", "General consultation"));

    @TempDir
    Path overrides;

    private final TestClock clock = TestClock.at(Instant.parse("2026-06-01T06:00:00Z"));
    private MessageTemplates templates;

    @BeforeEach
    void templates() {
        templates = new IcuMessageTemplates(new TemplateSettings(Optional.of(overrides), "en"), clock);
    }

    @Test
    void aTemplateOnlyTheClinicHasInEnglishIsSentInEnglishToAnArabicReaderAndSaysSo() throws IOException {
        write(CLINIC, "en", "clinic.welcome-pack", "sms.text=Welcome to {clinicName}. Bring your ID card.");
        Map<String, Value> parameters = Map.of("clinicName", new Name("عيادات النخبة", "Elite Clinics"));

        Rendered rendered =
                templates.render(request("clinic.welcome-pack", Channel.SMS, CLINIC, "ar", "en", parameters));

        assertThat(rendered.language()).isEqualTo("en");
        assertThat(rendered.fellBackFrom()).contains("ar");
        assertThat(rendered.text()).isEqualTo("Welcome to Elite Clinics. Bring your ID card.");
        assertThatThrownBy(() -> templates.render(
                        request("clinic.welcome-pack", Channel.SMS, OTHER_CLINIC, "ar", "en", parameters)))
                .isInstanceOf(UnknownTemplate.class);
        assertThatThrownBy(() ->
                        templates.render(request("clinic.welcome-pack", Channel.PUSH, CLINIC, "ar", "en", parameters)))
                .as("the clinic wrote no push text in any language")
                .isInstanceOf(UnknownTemplate.class);
    }

    @Test
    void theFallbackIsPerChannel() throws IOException {
        write(CLINIC, "en", "clinic.welcome-pack", "sms.text=Welcome.\npush.title=Welcome\npush.body=See you soon.");
        write(CLINIC, "ar", "clinic.welcome-pack", "sms.text=أهلًا بك.");

        Rendered sms = templates.render(request("clinic.welcome-pack", Channel.SMS, CLINIC, "ar", "en", Map.of()));
        Rendered push = templates.render(request("clinic.welcome-pack", Channel.PUSH, CLINIC, "ar", "en", Map.of()));

        assertThat(sms.text()).isEqualTo("أهلًا بك.");
        assertThat(sms.fellBackFrom()).isEmpty();
        assertThat(push.language()).isEqualTo("en");
        assertThat(push.fellBackFrom()).contains("ar");
        assertThat(push.subject()).contains("Welcome");
    }

    @Test
    void anOverrideReplacesTheBuiltInTextForItsClinicOnlyAndKeyByKey() throws IOException {
        write(CLINIC, "en", "appointment.booked", "sms.text=Elite Clinics: {doctorName} expects you on {start}.");

        assertThat(templates
                        .render(request("appointment.booked", Channel.SMS, CLINIC, "en", "en", BOOKED))
                        .text())
                .isEqualTo("Elite Clinics: Dr. Sarah Al-Qahtani expects you on Wednesday, 3 June 2026 at 10:00.");
        assertThat(templates
                        .render(request("appointment.booked", Channel.SMS, OTHER_CLINIC, "en", "en", BOOKED))
                        .text())
                .startsWith("Booked: General consultation");
        assertThat(templates
                        .render(new Request(
                                "appointment.booked",
                                Channel.SMS,
                                Optional.empty(),
                                "en",
                                "en",
                                RIYADH,
                                RIYADH,
                                BOOKED))
                        .text())
                .startsWith("Booked: General consultation");
        // The clinic's file has no push keys: those stay built-in, and the Arabic texts are untouched.
        assertThat(templates
                        .render(request("appointment.booked", Channel.PUSH, CLINIC, "en", "en", BOOKED))
                        .subject())
                .contains("Appointment booked");
        assertThat(templates
                        .render(request("appointment.booked", Channel.SMS, CLINIC, "ar", "en", BOOKED))
                        .text())
                .startsWith("تم حجز موعدك");
    }

    @Test
    void anEditedOverrideIsReadAgainOnceTheCacheIsOld() throws IOException {
        write(CLINIC, "en", "appointment.booked", "sms.text=First wording, {start}.");
        assertThat(sms()).startsWith("First wording");

        write(CLINIC, "en", "appointment.booked", "sms.text=Second wording, {start}.");
        clock.advance(IcuMessageTemplates.OVERRIDE_CACHE_TTL.minus(Duration.ofSeconds(1)));
        assertThat(sms()).as("still cached").startsWith("First wording");

        clock.advance(Duration.ofSeconds(1));
        assertThat(sms()).startsWith("Second wording");

        Files.delete(overrides.resolve(CLINIC.toString()).resolve("en").resolve("appointment.booked.properties"));
        clock.advance(IcuMessageTemplates.OVERRIDE_CACHE_TTL);
        assertThat(sms()).startsWith("Booked: General consultation");
    }

    @Test
    void aBrokenOverrideKeyFallsBackToTheBuiltInTextOfTheSameLanguage() throws IOException {
        write(
                CLINIC,
                "ar",
                "appointment.booked",
                "sms.text=موعدك {start\npush.title=موعدك مع {doctr}\npush.body=حجز {doctorName}");

        assertThat(templates
                        .render(request("appointment.booked", Channel.SMS, CLINIC, "ar", "en", BOOKED))
                        .text())
                .startsWith("تم حجز موعدك: كشف عام");
        Rendered push = templates.render(request("appointment.booked", Channel.PUSH, CLINIC, "ar", "en", BOOKED));
        assertThat(push.subject()).contains("تم حجز موعدك");
        assertThat(push.text()).isEqualTo("حجز د. سارة القحطاني");
        assertThat(push.fellBackFrom()).isEmpty();
    }

    @Test
    void anOverrideDirectoryThatDoesNotExistStopsTheStart() {
        Path missing = overrides.resolve("no-such-directory");

        assertThatThrownBy(() -> new IcuMessageTemplates(new TemplateSettings(Optional.of(missing), "en"), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("override-directory");
        assertThatThrownBy(() -> new TemplateSettings(Optional.empty(), "fr"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("default-language");
    }

    private String sms() {
        return templates
                .render(request("appointment.booked", Channel.SMS, CLINIC, "en", "en", BOOKED))
                .text();
    }

    private void write(UUID clinic, String language, String template, String content) throws IOException {
        Path directory = overrides.resolve(clinic.toString()).resolve(language);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(template + ".properties"), content, StandardCharsets.UTF_8);
    }

    private static Request request(
            String template,
            Channel channel,
            UUID clinic,
            String language,
            String clinicLanguage,
            Map<String, Value> parameters) {
        return new Request(
                template, channel, Optional.of(clinic), language, clinicLanguage, RIYADH, RIYADH, parameters);
    }
}
