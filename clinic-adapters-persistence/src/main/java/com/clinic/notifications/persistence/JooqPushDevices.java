package com.clinic.notifications.persistence;

import static com.clinic.notifications.persistence.jooq.Tables.PUSH_DEVICE;

import com.clinic.notifications.application.port.PushDevices;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

/**
 * The push devices of each user. A token reaches exactly one installation, so registering it again
 * (for another account after a sign-in on the same phone, or under another device id after a
 * reinstall) moves it there, and a device's new token replaces its old one.
 */
@Repository
class JooqPushDevices implements PushDevices {

    private final DSLContext db;

    JooqPushDevices(DSLContext db) {
        this.db = db;
    }

    @Override
    public void register(UUID userId, String deviceId, String token, String platform, Instant at) {
        // The device's old token goes first, so the upsert on the token cannot meet it under the key.
        db.deleteFrom(PUSH_DEVICE)
                .where(PUSH_DEVICE.USER_ID.eq(userId), PUSH_DEVICE.DEVICE_ID.eq(deviceId), PUSH_DEVICE.TOKEN.ne(token))
                .execute();
        db.insertInto(PUSH_DEVICE)
                .set(PUSH_DEVICE.USER_ID, userId)
                .set(PUSH_DEVICE.DEVICE_ID, deviceId)
                .set(PUSH_DEVICE.TOKEN, token)
                .set(PUSH_DEVICE.PLATFORM, platform)
                .set(PUSH_DEVICE.REGISTERED_AT, at)
                .onConflict(PUSH_DEVICE.TOKEN)
                .doUpdate()
                .set(PUSH_DEVICE.USER_ID, userId)
                .set(PUSH_DEVICE.DEVICE_ID, deviceId)
                .set(PUSH_DEVICE.PLATFORM, platform)
                .set(PUSH_DEVICE.REGISTERED_AT, at)
                .execute();
    }

    @Override
    public boolean remove(UUID userId, String deviceId) {
        return db.deleteFrom(PUSH_DEVICE)
                        .where(PUSH_DEVICE.USER_ID.eq(userId), PUSH_DEVICE.DEVICE_ID.eq(deviceId))
                        .execute()
                > 0;
    }

    @Override
    public List<Device> devicesOf(UUID userId) {
        return db.select(PUSH_DEVICE.DEVICE_ID, PUSH_DEVICE.TOKEN, PUSH_DEVICE.PLATFORM)
                .from(PUSH_DEVICE)
                .where(PUSH_DEVICE.USER_ID.eq(userId))
                .orderBy(PUSH_DEVICE.REGISTERED_AT.desc(), PUSH_DEVICE.DEVICE_ID)
                .fetch(Records.mapping(Device::new));
    }

    @Override
    public void forget(String token) {
        db.deleteFrom(PUSH_DEVICE).where(PUSH_DEVICE.TOKEN.eq(token)).execute();
    }
}
