package com.clinic.directory.persistence;

import com.clinic.directory.domain.BilingualText;
import com.clinic.directory.domain.SiteProfile;
import com.clinic.directory.domain.doctor.DoctorProfile;
import com.clinic.directory.domain.doctor.Fee;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Profiles as the directory's events carry them. */
final class Directory {

    private Directory() {}

    static SiteProfile site(String nameEn, String zone) {
        return new SiteProfile(
                new BilingualText("فرع " + nameEn, nameEn),
                "1 King Fahd Road",
                "+966110000000",
                zone,
                "SAR",
                Set.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY));
    }

    static DoctorProfile doctor(String nameEn, Set<UUID> branches, Set<String> specialties, Set<String> languages) {
        return new DoctorProfile(
                new BilingualText("د. " + nameEn, nameEn),
                branches,
                specialties,
                languages,
                branches.stream()
                        .sorted()
                        .map(branch -> new Fee(branch, new BigDecimal("150.00"), "SAR"))
                        .toList(),
                new BilingualText("سيرة", "Bio of " + nameEn));
    }

    static DoctorProfile doctor(String nameEn, UUID branch, String specialty) {
        return doctor(nameEn, Set.of(branch), Set.of(specialty), Set.of("ar"));
    }

    /** UUIDs PostgreSQL and the test order alike (by their bytes). */
    static UUID id(int n) {
        return UUID.fromString("00000000-0000-4000-8000-%012d".formatted(n));
    }

    static List<UUID> ids(int... ns) {
        return java.util.Arrays.stream(ns).mapToObj(Directory::id).toList();
    }
}
