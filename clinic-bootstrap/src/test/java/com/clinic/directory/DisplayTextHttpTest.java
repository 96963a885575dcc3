package com.clinic.directory;

import static com.clinic.directory.DirectoryTestData.awaitOk;
import static com.clinic.directory.DirectoryTestData.nationalId;
import static com.clinic.directory.DirectoryTestData.newPatient;
import static com.clinic.directory.DirectoryTestData.newSite;
import static com.clinic.directory.DirectoryTestData.patient;
import static com.clinic.directory.DirectoryTestData.saudiMobile;
import static com.clinic.directory.DirectoryTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Names others read are shown as typed: real Arabic and English names are kept (in NFC), while text
 * that hides or reorders itself is refused before anything is stored.
 */
@IntegrationTest
class DisplayTextHttpTest {

    @LocalServerPort
    int port;

    @Test
    void realArabicAndEnglishNamesAreKeptAndComposedToNfc() {
        Api api = Api.on(port);
        Api admin = api.as(Sessions.admin(api));
        DirectoryTestData.Site site = newSite(api);
        String english = "Zoe\u0308 O'Brien-N\u0303un\u0303ez " + unique(); // decomposed ë and ñ
        Map<String, Object> input = patient(english, saudiMobile(), nationalId(), null);
        input.put("nameAr", "عبدُ الرَّحمن آل سعود"); // harakat and alef with madda
        input.put("emergencyContactName", "\u0627\u0653\u0645\u0646\u0629"); // alef + combining madda: "آمنة"

        UUID patientId = newPatient(admin, site.branchId(), input);

        Api.Response read = awaitOk(admin, "/api/v1/patients/" + patientId);
        assertThat(read.json("nameEn").asString()).isEqualTo(Normalizer.normalize(english, Normalizer.Form.NFC));
        assertThat(read.json("nameEn").asString()).doesNotContain("\u0308", "\u0303");
        assertThat(read.json("nameAr").asString()).isEqualTo("عبدُ الرَّحمن آل سعود");
        assertThat(read.json("emergencyContact").path("name").asString()).isEqualTo("\u0622\u0645\u0646\u0629");
    }

    @Test
    void namesWithBidiOverridesOrInvisibleCharactersAreRefusedWhereverTheyAppear() {
        Api api = Api.on(port);
        Api admin = api.as(Sessions.admin(api));
        DirectoryTestData.Site site = newSite(api);
        for (String field : List.of("nameEn", "nameAr", "emergencyContactName")) {
            for (String hidden : List.of("\u202E", "\u2067", "\u200B", "\u200D", "\uFEFF", "\u061C")) {
                Map<String, Object> input = patient("Ali " + unique(), saudiMobile(), nationalId(), null);
                input.put(field, "Ali" + hidden + "Hassan");

                Api.Response refused =
                        admin.post("/api/v1/patients", Map.of("homeBranchId", site.branchId(), "patient", input));

                assertThat(refused.status()).as(field + " " + refused).isEqualTo(400);
                assertThat(refused.json("errors").findValuesAsString("field"))
                        .as(field)
                        .containsExactly("patient." + field);
            }
        }
    }

    @Test
    void aPasswordIsKeptExactlyAsTypedSoItStillSignsIn() {
        Api api = Api.on(port);
        DirectoryTestData.Site site = newSite(api);
        String email = "verbatim." + unique() + "@example.com";
        // Decomposed é: normalizing it would make the stored hash differ from what the device sends.
        String password = "Cafe\u0301-Passw0rd-2026";
        Api.Response registered = api.anonymous()
                .post(
                        "/api/v1/auth/register",
                        Map.of(
                                "homeBranchId",
                                site.branchId(),
                                "patient",
                                patient("Verbatim " + unique(), saudiMobile(), nationalId(), email),
                                "password",
                                password));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

        assertThat(Sessions.login(api, email, password).accessToken()).isNotBlank();
    }
}
