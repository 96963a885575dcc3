package com.clinic.scheduling.availability;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Directory read-model rows written directly, for tests that exercise availability on its own: a
 * clinic, its branches (with their zones), doctors and patients, as the directory's projections
 * would have left them. The HTTP tests create them through the directory's API instead.
 */
final class DirectoryRows {

    private final JdbcTemplate jdbc;

    DirectoryRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    UUID clinic(String zone) {
        UUID clinicId = UUID.randomUUID();
        jdbc.update(
                "insert into clinic_view (clinic_id, name_ar, name_en, address, phone, time_zone, currency, working_days, version)"
                        + " values (?, 'عيادة', 'Clinic', 'Street 1', '+966112345678', ?, 'SAR', 'SUNDAY,MONDAY', 0)",
                clinicId,
                zone);
        return clinicId;
    }

    UUID branch(UUID clinicId, String zone) {
        UUID branchId = UUID.randomUUID();
        jdbc.update(
                "insert into branch_view (branch_id, clinic_id, name_ar, name_en, address, phone, time_zone, currency, working_days, version)"
                        + " values (?, ?, 'فرع', 'Branch', 'Street 2', '+966112345678', ?, 'SAR', 'SUNDAY,MONDAY', 0)",
                branchId,
                clinicId,
                zone);
        return branchId;
    }

    UUID doctor(UUID clinicId, List<UUID> branchIds, List<String> specialties, boolean active) {
        UUID doctorId = UUID.randomUUID();
        jdbc.update(
                "insert into doctor_view (doctor_id, user_id, clinic_id, name_ar, name_en, bio_ar, bio_en, active, version)"
                        + " values (?, ?, ?, 'طبيب', 'Doctor', '', '', ?, 0)",
                doctorId,
                UUID.randomUUID(),
                clinicId,
                active);
        for (UUID branchId : branchIds) {
            jdbc.update("insert into doctor_branch (doctor_id, branch_id) values (?, ?)", doctorId, branchId);
        }
        for (String specialty : specialties) {
            jdbc.update("insert into doctor_specialty (doctor_id, specialty) values (?, ?)", doctorId, specialty);
        }
        return doctorId;
    }

    UUID patient(UUID clinicId, UUID branchId) {
        UUID patientId = UUID.randomUUID();
        jdbc.update(
                "insert into patient_view (patient_id, clinic_id, home_branch_id, name_ar, name_en, preferred_language,"
                        + " consent_treatment, consent_data_processing, consent_marketing, consent_reminders, version)"
                        + " values (?, ?, ?, 'مريض', 'Patient', 'ar', true, true, false, false, 0)",
                patientId,
                clinicId,
                branchId);
        return patientId;
    }
}
