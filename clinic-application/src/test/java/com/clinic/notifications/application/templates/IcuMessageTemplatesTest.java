package com.clinic.notifications.application.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.notifications.application.TemplateSettings;
import com.clinic.notifications.application.templates.MessageTemplates.Rendered;
import com.clinic.notifications.application.templates.MessageTemplates.Request;
import com.clinic.notifications.application.templates.MessageTemplates.UnknownTemplate;
import com.clinic.notifications.application.templates.MessageTemplates.Value;
import com.clinic.notifications.application.templates.MessageTemplates.Value.Count;
import com.clinic.notifications.application.templates.MessageTemplates.Value.Name;
import com.clinic.notifications.application.templates.MessageTemplates.Value.Text;
import com.clinic.notifications.application.templates.MessageTemplates.Value.Time;
import com.clinic.notifications.domain.Channel;
import com.clinic.testsupport.TestClock;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The built-in texts: every notice in both languages on every channel, with its dates, plurals and HTML. */
class IcuMessageTemplatesTest {

    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** A Wednesday; 10:00 in Riyadh. */
    static final Instant START = at(2026, 6, 3, 10, 0, RIYADH);

    static final Instant PREVIOUS_START = at(2026, 6, 2, 16, 30, RIYADH);
    static final Instant EXPIRES = at(2026, 6, 3, 9, 45, RIYADH);
    static final Name DOCTOR = new Name("د. سارة القحطاني", "Dr. Sarah Al-Qahtani");
    static final String LINK = "https://clinic.example/accept?token=Zx81-Qa&lang=ar";

    /** Realistic parameters of every template, exactly the names the callers pass. */
    static final Map<String, Map<String, Value>> TEMPLATES = templates();

    private static final Pattern ARABIC_DIGIT = Pattern.compile("[\u0660-\u0669]");
    private static final Pattern LATIN_DIGIT = Pattern.compile("[0-9]");
    private static final Pattern LATIN_MONTH =
            Pattern.compile("January|February|March|April|May|June|July|August|September|October|November|December"
                    + "|\\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\b");
    private static final Pattern CLOCK_TIME = Pattern.compile("\\d{1,2}:\\d{2}");

    private final MessageTemplates templates = new IcuMessageTemplates(
            new TemplateSettings(Optional.empty(), "en"), TestClock.at(Instant.parse("2026-06-01T06:00:00Z")));

    private static Map<String, Map<String, Value>> templates() {
        Map<String, Map<String, Value>> templates = new LinkedHashMap<>();
        templates.put(
                "appointment.booked",
                Map.of(
                        "doctorName", DOCTOR,
                        "start", new Time(START),
                        "appointmentType", new Name("كشف عام", "General consultation")));
        for (String byClinic : List.of("true", "false")) {
            templates.put(
                    "appointment.rescheduled#" + byClinic,
                    Map.of(
                            "doctorName", DOCTOR,
                            "previousStart", new Time(PREVIOUS_START),
                            "start", new Time(START),
                            "byClinic", new Text(byClinic)));
            for (String late : List.of("true", "false")) {
                templates.put(
                        "appointment.cancelled#" + byClinic + "," + late,
                        Map.of(
                                "doctorName", DOCTOR,
                                "start", new Time(START),
                                "byClinic", new Text(byClinic),
                                "late", new Text(late)));
            }
        }
        for (long hours : List.of(0L, 1L, 2L, 3L, 24L)) {
            templates.put(
                    "appointment.reminder#" + hours,
                    Map.of("doctorName", DOCTOR, "start", new Time(START), "hoursBefore", new Count(hours)));
        }
        templates.put(
                "appointment.hold-expiring",
                Map.of("start", new Time(START), "expiresAt", new Time(EXPIRES), "minutesLeft", new Count(4)));
        templates.put("appointment.no-show", Map.of("doctorName", DOCTOR, "start", new Time(START)));
        templates.put(
                "waitlist.offer-made",
                Map.of(
                        "doctorName",
                        DOCTOR,
                        "start",
                        new Time(START),
                        "expiresAt",
                        new Time(EXPIRES),
                        "minutesLeft",
                        new Count(15)));
        templates.put("waitlist.offer-expired", Map.of("doctorName", DOCTOR, "start", new Time(START)));
        templates.put("queue.you-are-next", Map.of("ticketNumber", new Count(42)));
        templates.put("queue.your-turn", Map.of("ticketNumber", new Count(42), "doctorName", DOCTOR));
        templates.put(
                "account.staff-invitation",
                Map.of(
                        "clinicName",
                        new Name("عيادات النخبة", "Elite Clinics"),
                        "link",
                        new Text(LINK),
                        "expiresAt",
                        new Time(EXPIRES)));
        templates.put(
                "account.password-reset",
                Map.of("link", new Text(LINK), "expiresAt", new Time(EXPIRES), "minutesValid", new Count(30)));
        return templates;
    }

    static Stream<Arguments> everyTemplateChannelAndLanguage() {
        return TEMPLATES.keySet().stream().flatMap(template -> Arrays.stream(Channel.values())
                .flatMap(channel -> Stream.of("ar", "en").map(language -> Arguments.of(template, channel, language))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyTemplateChannelAndLanguage")
    void everyTemplateRendersCompletelyOnEveryChannelInBothLanguages(String variant, Channel channel, String language) {
        String template = variant.replaceAll("#.*", "");
        Map<String, Value> parameters = TEMPLATES.get(variant);

        Rendered rendered = templates.render(request(template, channel, language, RIYADH, RIYADH, parameters));

        assertThat(rendered.language()).isEqualTo(language);
        assertThat(rendered.fellBackFrom()).isEmpty();
        assertThat(rendered.text()).isNotBlank().doesNotContain("{", "}", "<", ">");
        assertThat(rendered.subject().isPresent()).isEqualTo(channel != Channel.SMS);
        rendered.subject().ifPresent(subject -> assertThat(subject).isNotBlank().doesNotContain("{", "}", "<"));
        assertThat(rendered.html().isPresent()).isEqualTo(channel == Channel.EMAIL);
        rendered.html().ifPresent(html -> assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains(language.equals("ar") ? "<html lang=\"ar\" dir=\"rtl\">" : "<html lang=\"en\" dir=\"ltr\">")
                .doesNotContain("{", "}", "<style", "<link", "<script"));

        String everything = rendered.subject().orElse("") + "\n" + rendered.text() + "\n"
                + rendered.html().map(IcuMessageTemplatesTest::textOf).orElse("");
        String withoutLinks = everything.replace(LINK, "");
        boolean hasTime = parameters.values().stream().anyMatch(Time.class::isInstance);
        if (language.equals("ar")) {
            assertThat(withoutLinks).containsPattern(ARABIC_DIGIT).doesNotContainPattern(LATIN_DIGIT);
            assertThat(everything).doesNotContainPattern(LATIN_MONTH).doesNotContain(" AM", " PM");
            if (hasTime) {
                assertThat(rendered.text()).contains("يونيو ٢٠٢٦ في ");
            }
        } else {
            assertThat(withoutLinks).doesNotContainPattern(ARABIC_DIGIT);
            Matcher clock = CLOCK_TIME.matcher(everything);
            while (clock.find()) {
                assertThat(everything.substring(0, clock.start()))
                        .as("a time is always shown with its date")
                        .endsWith(" 2026 at ");
            }
            if (hasTime) {
                assertThat(rendered.text())
                        .containsPattern("(Monday|Tuesday|Wednesday), [23] June 2026 at \\d{2}:\\d{2}");
            }
        }
    }

    @Test
    void timesShowTheDateAndTheTimeOnTheBranchsWallClockInEachLanguage() {
        Map<String, Value> parameters = TEMPLATES.get("appointment.no-show");

        assertThat(templates
                        .render(request("appointment.no-show", Channel.SMS, "en", RIYADH, RIYADH, parameters))
                        .text())
                .isEqualTo("You missed your appointment with Dr. Sarah Al-Qahtani on Wednesday, 3 June 2026 at 10:00."
                        + " If this is wrong, please contact the clinic.");
        assertThat(templates
                        .render(request("appointment.no-show", Channel.SMS, "ar", RIYADH, RIYADH, parameters))
                        .text())
                .isEqualTo("فاتك موعدك مع د. سارة القحطاني يوم الأربعاء، ٣ يونيو ٢٠٢٦ في ١٠:٠٠ ص."
                        + " إذا كان هناك خطأ، يُرجى التواصل مع العيادة.");
    }

    @Test
    void aTimeOnTheDayLondonMovesToSummerTimeShowsTheBritishSummerWallClock() {
        // 29 March 2026 01:00 GMT the clocks go forward: 09:00 UTC that day is 10:00 BST.
        Instant summer = Instant.parse("2026-03-29T09:00:00Z");
        Instant winter = Instant.parse("2026-03-28T10:00:00Z");

        assertThat(reminderSms(summer, "en", LONDON, LONDON)).contains("Sunday, 29 March 2026 at 10:00.");
        assertThat(reminderSms(winter, "en", LONDON, LONDON)).contains("Saturday, 28 March 2026 at 10:00.");
        assertThat(reminderSms(summer, "ar", LONDON, LONDON)).contains("الأحد، ٢٩ مارس ٢٠٢٦ في ١٠:٠٠ ص");
    }

    @Test
    void theZoneIsNamedOnlyWhenTheRecipientLivesOnAnotherClock() {
        assertThat(reminderSms(START, "en", RIYADH, LONDON))
                .contains("Wednesday, 3 June 2026 at 10:00 (Saudi Arabia Time).");
        assertThat(reminderSms(START, "ar", RIYADH, LONDON))
                .contains("الأربعاء، ٣ يونيو ٢٠٢٦ في ١٠:٠٠ ص (توقيت المملكة العربية السعودية)");
        assertThat(reminderSms(START, "en", RIYADH, ZoneId.of("Africa/Cairo"))).contains("(Saudi Arabia Time)");

        assertThat(reminderSms(START, "en", RIYADH, RIYADH)).doesNotContain("(", "Time");
        assertThat(reminderSms(START, "ar", RIYADH, RIYADH)).doesNotContain("(", "توقيت");
        // An alias of the same zone is the same clock.
        assertThat(reminderSms(START, "en", LONDON, ZoneId.of("GB"))).doesNotContain("(");
    }

    @ParameterizedTest(name = "{0} hours: {1}")
    @CsvSource({
        "0, zero, موعدك مع د. سارة القحطاني يبدأ الآن،",
        "1, one, موعدك مع د. سارة القحطاني بعد ساعة واحدة،",
        "2, two, موعدك مع د. سارة القحطاني بعد ساعتين،",
        "3, few, موعدك مع د. سارة القحطاني بعد ٣ ساعات،",
        "11, many, موعدك مع د. سارة القحطاني بعد ١١ ساعة،",
        "100, other, موعدك مع د. سارة القحطاني بعد ١٠٠ ساعة،"
    })
    void arabicCountsTakeTheirPluralForm(long hours, String form, String expected) {
        assertThat(PluralRules.forLocale(ULocale.forLanguageTag("ar")).select(hours))
                .isEqualTo(form);

        assertThat(reminder(hours, "ar", Channel.SMS).text()).contains(expected);
    }

    @Test
    void englishCountsTakeTheirPluralForm() {
        assertThat(reminder(1, "en", Channel.PUSH).subject()).contains("Appointment in 1 hour");
        assertThat(reminder(24, "en", Channel.PUSH).subject()).contains("Appointment in 24 hours");
        assertThat(reminder(0, "en", Channel.PUSH).subject()).contains("Appointment now");
    }

    @Test
    void arabicMinutesAgreeWithTheirNumber() {
        assertThat(offer(0, "ar").text()).contains("يُرجى قبوله فورًا، في موعد أقصاه الأربعاء");
        assertThat(offer(1, "ar").text()).contains("يُرجى قبوله خلال دقيقة واحدة،");
        assertThat(offer(2, "ar").text()).contains("يُرجى قبوله خلال دقيقتين،");
        assertThat(offer(5, "ar").text()).contains("يُرجى قبوله خلال ٥ دقائق،");
        assertThat(offer(15, "ar").text()).contains("يُرجى قبوله خلال ١٥ دقيقة،");
        assertThat(offer(1, "en").text())
                .contains("Accept it within 1 minute, before Wednesday, 3 June 2026 at 09:45,");
        assertThat(offer(15, "en").text())
                .contains("Accept it within 15 minutes, before Wednesday, 3 June 2026 at 09:45,");
    }

    @Test
    void eMailHtmlEscapesEveryValueWhileTextPartsKeepThemAsTheyAre() {
        Name hostile = new Name("<script>alert('x')</script>", "<script>alert('x')</script> & Sons");
        String link = "https://clinic.example/accept?a=1&b=\"2\"";
        Map<String, Value> parameters =
                Map.of("clinicName", hostile, "link", new Text(link), "expiresAt", new Time(EXPIRES));

        for (String language : List.of("ar", "en")) {
            Rendered email = templates.render(
                    request("account.staff-invitation", Channel.EMAIL, language, RIYADH, RIYADH, parameters));

            assertThat(email.html().orElseThrow())
                    .doesNotContain("<script>")
                    .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                    .contains("href=\"https://clinic.example/accept?a=1&amp;b=&quot;2&quot;\"");
            assertThat(email.text()).contains("<script>alert('x')</script>").contains(link);
            assertThat(email.subject().orElseThrow()).contains("<script>alert('x')</script>");
            assertThat(email.html().orElseThrow())
                    .contains("<title>" + Html.escape(email.subject().orElseThrow()));
        }
    }

    @Test
    void eMailHtmlIsolatesNamesTimesAndNumbersFromTheArabicAroundThem() {
        Name latinOnly = new Name(null, "Dr. John O'Neill");
        Rendered turn = templates.render(request(
                "queue.your-turn",
                Channel.EMAIL,
                "ar",
                RIYADH,
                RIYADH,
                Map.of("ticketNumber", new Count(1042), "doctorName", latinOnly)));
        Rendered reminder = reminder(3, "ar", Channel.EMAIL);

        assertThat(turn.html().orElseThrow())
                .contains("<bdi>١٠٤٢</bdi>")
                .contains("عيادة <bdi>Dr. John O&#39;Neill</bdi>");
        assertThat(turn.text()).contains("عيادة Dr. John O'Neill").doesNotContain("bdi");
        assertThat(reminder.html().orElseThrow())
                .contains("<bdi>الأربعاء، ٣ يونيو ٢٠٢٦ في ١٠:٠٠ ص</bdi>")
                .contains("بعد <bdi>٣</bdi> ساعات")
                .contains("<bdi>د. سارة القحطاني</bdi>");
    }

    @Test
    void theEmailLayoutCarriesLanguageAndDirectionAndUsesInlineStylesOnly() {
        String arabic = reminder(24, "ar", Channel.EMAIL).html().orElseThrow();
        String english = reminder(24, "en", Channel.EMAIL).html().orElseThrow();

        assertThat(arabic)
                .contains("<html lang=\"ar\" dir=\"rtl\">")
                .contains("<div lang=\"ar\" dir=\"rtl\" style=\"direction:rtl;text-align:right;")
                .doesNotContain("<style", "class=");
        assertThat(english)
                .contains("<html lang=\"en\" dir=\"ltr\">")
                .contains("style=\"direction:ltr;text-align:left;")
                .doesNotContain("<style", "class=");
        assertThat(reminder(24, "en", Channel.EMAIL).text())
                .startsWith("This is a reminder of your appointment with Dr. Sarah Al-Qahtani in 24 hours.");
    }

    @Test
    void aNameMissingInTheTextsLanguageIsTakenFromTheOther() {
        Map<String, Value> parameters =
                Map.of("ticketNumber", new Count(7), "doctorName", new Name("د. هند باخشب", ""));

        assertThat(templates
                        .render(request("queue.your-turn", Channel.SMS, "en", RIYADH, RIYADH, parameters))
                        .text())
                .isEqualTo("Ticket 7: it is your turn. Please go in to د. هند باخشب now.");
        assertThat(templates
                        .render(request("queue.your-turn", Channel.SMS, "ar", RIYADH, RIYADH, parameters))
                        .text())
                .isEqualTo("التذكرة رقم ٧: حان دورك. يُرجى الدخول إلى عيادة د. هند باخشب الآن.");
    }

    @Test
    void theWordingSaysWhoMovedOrCancelledTheAppointment() {
        assertThat(text("appointment.rescheduled#true", "en")).startsWith("The clinic moved your appointment");
        assertThat(text("appointment.rescheduled#false", "en")).startsWith("You moved your appointment");
        assertThat(text("appointment.rescheduled#true", "ar")).startsWith("قامت العيادة بنقل موعدك");
        assertThat(text("appointment.rescheduled#false", "ar")).contains("بناءً على طلبك");
        assertThat(text("appointment.cancelled#false,true", "en")).contains("late cancellation");
        assertThat(text("appointment.cancelled#false,false", "en")).doesNotContain("late");
        assertThat(text("appointment.cancelled#true,false", "ar")).contains("ألغت العيادة موعدك");
        assertThat(text("appointment.cancelled#false,true", "ar")).contains("إلغاءً متأخرًا");
    }

    @Test
    void anUnknownTemplateIsRefused() {
        assertThatThrownBy(() -> templates.render(
                        request("appointment.teleported", Channel.SMS, "en", RIYADH, RIYADH, Map.of())))
                .isInstanceOf(UnknownTemplate.class)
                .hasMessageContaining("appointment.teleported");
        assertThatThrownBy(() ->
                        templates.render(request("../../etc/passwd", Channel.SMS, "en", RIYADH, RIYADH, Map.of())))
                .isInstanceOf(UnknownTemplate.class);
        assertThat(templates.exists("appointment.teleported", Channel.SMS)).isFalse();
        assertThat(templates.exists("appointment.booked", Channel.SMS)).isTrue();
        assertThat(TEMPLATES.keySet().stream().map(variant -> variant.replaceAll("#.*", "")))
                .allSatisfy(template -> assertThat(Channel.values())
                        .allSatisfy(channel ->
                                assertThat(templates.exists(template, channel)).isTrue()));
    }

    @Test
    void aParameterTheTemplateNeedsButTheCallerForgotIsAnError() {
        assertThatThrownBy(() -> templates.render(request(
                        "appointment.no-show", Channel.SMS, "en", RIYADH, RIYADH, Map.of("doctorName", DOCTOR))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start");
    }

    @Test
    void aRegionalLanguageTagIsItsLanguage() {
        Rendered rendered = templates.render(request(
                "appointment.no-show", Channel.SMS, "ar-EG", RIYADH, RIYADH, TEMPLATES.get("appointment.no-show")));

        assertThat(rendered.language()).isEqualTo("ar");
        assertThat(rendered.fellBackFrom()).isEmpty();
    }

    private String reminderSms(Instant start, String language, ZoneId zone, ZoneId recipientZone) {
        return templates
                .render(request(
                        "appointment.reminder",
                        Channel.SMS,
                        language,
                        zone,
                        recipientZone,
                        Map.of("doctorName", DOCTOR, "start", new Time(start), "hoursBefore", new Count(24))))
                .text();
    }

    private Rendered reminder(long hours, String language, Channel channel) {
        return templates.render(request(
                "appointment.reminder",
                channel,
                language,
                RIYADH,
                RIYADH,
                Map.of("doctorName", DOCTOR, "start", new Time(START), "hoursBefore", new Count(hours))));
    }

    private Rendered offer(long minutes, String language) {
        return templates.render(request(
                "waitlist.offer-made",
                Channel.IN_APP,
                language,
                RIYADH,
                RIYADH,
                Map.of(
                        "doctorName",
                        DOCTOR,
                        "start",
                        new Time(START),
                        "expiresAt",
                        new Time(EXPIRES),
                        "minutesLeft",
                        new Count(minutes))));
    }

    private String text(String variant, String language) {
        return templates
                .render(request(
                        variant.replaceAll("#.*", ""), Channel.SMS, language, RIYADH, RIYADH, TEMPLATES.get(variant)))
                .text();
    }

    static Request request(
            String template,
            Channel channel,
            String language,
            ZoneId zone,
            ZoneId recipientZone,
            Map<String, Value> parameters) {
        return new Request(template, channel, Optional.empty(), language, "en", zone, recipientZone, parameters);
    }

    /** What a reader sees of the HTML: its text without tags and entities. */
    private static String textOf(String html) {
        return html.replaceAll("(?s)<head>.*</head>", "")
                .replaceAll("<[^>]*>", " ")
                .replace("&amp;", "&");
    }

    private static Instant at(int year, int month, int day, int hour, int minute, ZoneId zone) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(zone).toInstant();
    }
}
