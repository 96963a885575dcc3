package com.clinic.directory;

import static com.clinic.directory.DirectoryTestData.awaitOk;
import static com.clinic.directory.DirectoryTestData.nationalId;
import static com.clinic.directory.DirectoryTestData.newPatient;
import static com.clinic.directory.DirectoryTestData.newSite;
import static com.clinic.directory.DirectoryTestData.patient;
import static com.clinic.directory.DirectoryTestData.saudiMobile;
import static com.clinic.directory.DirectoryTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Crypto-shredding: erasure makes personal data unreadable everywhere, and stays so through a replay. */
@IntegrationTest
class PatientErasureTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void anErasedPatientStaysErasedThroughAReplayWhileOthersAreIntact() {
        Api api = Api.on(port);
        Api admin = api.as(Sessions.admin(api));
        DirectoryTestData.Site site = newSite(api);
        String keptName = "Kept " + unique();
        String keptId = nationalId();
        UUID kept = newPatient(admin, site.branchId(), patient(keptName, saudiMobile(), keptId, null));
        String erasedName = "Forgotten " + unique();
        UUID erased = newPatient(admin, site.branchId(), patient(erasedName, saudiMobile(), nationalId(), null));

        Api.Response erase = admin.post("/api/v1/patients/" + erased + "/erase", null);

        assertThat(erase.status()).as(erase.toString()).isEqualTo(204);
        assertThat(admin.post("/api/v1/patients/" + erased + "/erase", null).status())
                .as("a retried erasure succeeds")
                .isEqualTo(204);
        assertThat(jdbc.queryForObject("select count(*) from subject_key where subject_id = ?", Integer.class, erased))
                .isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertErased(admin, erased));
        assertThat(admin.header("If-Match", "*")
                        .put("/api/v1/patients/" + erased, patient("Back", saudiMobile(), nationalId(), null))
                        .status())
                .isEqualTo(409);

        StreamingEventProcessor processor = processing
                .eventProcessor("directory-patients", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(processor.isRunning()).isTrue();
            assertThat(processor.isError()).isFalse();
            // A segment keeps its "replaying" flag until it sees an event newer than the reset point,
            // so "caught up with the head of the store" is what says the replay is done.
            assertThat(processor.processingStatus().values()).isNotEmpty().allSatisfy(status -> {
                assertThat(status.isCaughtUp()).isTrue();
                assertThat(status.isErrorState()).isFalse();
                assertThat(status.getCurrentPosition().orElse(-1)).isGreaterThanOrEqualTo(head);
            });
            assertErased(admin, erased);
            Api.Response other = admin.get("/api/v1/patients/" + kept);
            assertThat(other.status()).isEqualTo(200);
            assertThat(other.json("nameEn").asString()).isEqualTo(keptName);
            assertThat(other.json("nationalId").asString()).isEqualTo(keptId);
        });
        assertThat(ids(admin, "/api/v1/patients?name=" + erasedName.replace(' ', '+')))
                .isZero();
    }

    @Test
    void aPatientMayEraseThemself() {
        Api api = Api.on(port);
        DirectoryTestData.Site site = newSite(api);
        String email = "leaving." + unique() + "@example.com";
        Api.Response registered = api.anonymous()
                .post(
                        "/api/v1/auth/register",
                        Map.of(
                                "homeBranchId", site.branchId(),
                                "patient", patient("Leaving " + unique(), saudiMobile(), nationalId(), email),
                                "password", PatientRecordsHttpTest.PASSWORD));
        UUID patientId = UUID.fromString(registered.json("patientId").asString());
        Api self = api.as(
                Sessions.login(api, email, PatientRecordsHttpTest.PASSWORD).accessToken());
        awaitOk(self, "/api/v1/patients/me");

        assertThat(self.post("/api/v1/patients/" + patientId + "/erase", null).status())
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertErased(api.as(Sessions.admin(api)), patientId));
    }

    private void assertErased(Api admin, UUID patientId) {
        Api.Response read = admin.get("/api/v1/patients/" + patientId);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json("erased").asBoolean()).isTrue();
        assertThat(read.json("nameEn").isNull()).isTrue();
        assertThat(read.json("nationalId").isNull()).isTrue();
        assertThat(read.json("phone").isNull()).isTrue();
        Map<String, Object> row = jdbc.queryForMap("select * from patient_view where patient_id = ?", patientId);
        assertThat(row.get("erased")).isEqualTo(true);
        for (String column : new String[] {
            "name_ar",
            "name_en",
            "date_of_birth_enc",
            "sex_enc",
            "national_id_enc",
            "passport_number_enc",
            "phone_enc",
            "phone_bidx",
            "email_enc",
            "emergency_contact_enc"
        }) {
            assertThat(row.get(column)).as(column).isNull();
        }
    }

    private static int ids(Api admin, String path) {
        return admin.get(path).json("items").size();
    }
}
