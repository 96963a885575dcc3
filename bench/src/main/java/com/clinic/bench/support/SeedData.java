package com.clinic.bench.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The CSV files the directory seeder wrote: who can log in, which doctors and patients exist. */
public record SeedData(List<String[]> desks, List<String[]> doctors, List<String[]> patients) {

    public static SeedData read(Path dir) {
        return new SeedData(rows(dir.resolve("desk.csv")), rows(dir.resolve("doctors.csv")), rows(dir.resolve("patients.csv")));
    }

    /** A desk account (email, password) of the branch. */
    public String[] deskOf(String branchId) {
        return desks.stream().filter(d -> d[2].equals(branchId)).findFirst().orElseThrow();
    }

    public Map<String, List<String>> patientsByBranch() {
        return patients.stream().collect(Collectors.groupingBy(p -> p[1], Collectors.mapping(p -> p[0], Collectors.toList())));
    }

    private static List<String[]> rows(Path csv) {
        try {
            List<String> lines = Files.readAllLines(csv);
            return lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
