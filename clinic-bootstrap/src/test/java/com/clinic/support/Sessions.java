package com.clinic.support;

import com.clinic.platform.domain.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signed-in users for integration tests, through the public API only.
 *
 * <pre>{@code
 * String admin = Sessions.admin(api);                                   // bootstrap admin's access token
 * Sessions.Session doctor = Sessions.staff(api, Role.DOCTOR, clinicId, branchId);
 * api.as(doctor.accessToken()).get("/api/v1/me");
 * }</pre>
 *
 * Scope ids that a role does not take are dropped (ADMIN and AUDITOR get neither; MANAGER gets no
 * branch), so callers may pass the same ids for every role.
 */
public final class Sessions {

    public static final String ADMIN_EMAIL = "admin@clinic.test";
    public static final String ADMIN_PASSWORD = "Admin-Passw0rd!2026";
    /** The password every staff member made by {@link #staff} gets. */
    public static final String STAFF_PASSWORD = "Staff-Passw0rd!2026";

    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** A signed-in user: their id, login (e-mail or phone), password and tokens. */
    public record Session(UUID userId, String login, String password, String accessToken, String refreshToken) {}

    private Sessions() {}

    /** An access token of the bootstrap administrator (a fresh sign-in each call). */
    public static String admin(Api api) {
        return login(api, ADMIN_EMAIL, ADMIN_PASSWORD).accessToken();
    }

    /** Invites a staff member as the bootstrap administrator, activates the account and signs in. */
    public static Session staff(Api api, Role role, UUID clinicId, UUID branchId) {
        return staff(api, admin(api), role, clinicId, branchId);
    }

    /** Like {@link #staff(Api, Role, UUID, UUID)}, invited by the holder of {@code inviterToken}. */
    public static Session staff(Api api, String inviterToken, Role role, UUID clinicId, UUID branchId) {
        String email = role.name().toLowerCase(java.util.Locale.ROOT) + "-" + SEQUENCE.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@clinic.test";
        Map<String, Object> invite = new LinkedHashMap<>();
        invite.put("email", email);
        invite.put("role", role.name());
        if (role == Role.MANAGER || role == Role.DOCTOR || role == Role.RECEPTIONIST) {
            invite.put("clinicId", Objects.requireNonNull(clinicId, "clinicId"));
        }
        if (role == Role.DOCTOR || role == Role.RECEPTIONIST) {
            invite.put("branchId", Objects.requireNonNull(branchId, "branchId"));
        }
        Api.Response created = api.as(inviterToken).post("/api/v1/users", invite);
        expect(created, 201, "invite " + role);
        UUID userId = UUID.fromString(created.json("userId").asString());
        Api.Response activated = api.anonymous()
                .post(
                        "/api/v1/auth/activate",
                        Map.of("token", created.json("activationToken").asString(), "password", STAFF_PASSWORD));
        expect(activated, 204, "activate " + role);
        Session session = login(api, email, STAFF_PASSWORD);
        return new Session(userId, email, STAFF_PASSWORD, session.accessToken(), session.refreshToken());
    }

    /** Signs in with an e-mail or E.164 phone; fails the test unless the sign-in succeeds. */
    public static Session login(Api api, String login, String password) {
        Api.Response response =
                api.anonymous().post("/api/v1/auth/login", Map.of("login", login, "password", password));
        expect(response, 200, "login " + login);
        String accessToken = response.json("accessToken").asString();
        Api.Response me = api.as(accessToken).get("/api/v1/me");
        expect(me, 200, "me");
        return new Session(
                UUID.fromString(me.json("userId").asString()),
                login,
                password,
                accessToken,
                response.json("refreshToken").asString());
    }

    private static void expect(Api.Response response, int status, String what) {
        if (response.status() != status) {
            throw new AssertionError(what + ": expected " + status + " but got " + response);
        }
    }
}
