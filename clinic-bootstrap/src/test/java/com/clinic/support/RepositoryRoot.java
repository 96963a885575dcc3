package com.clinic.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root, for tests that write committed documentation (docs/modules, docs/configuration.md). */
public final class RepositoryRoot {

    private RepositoryRoot() {}

    /** From the compiled test classes (clinic-bootstrap/target/test-classes) up, whatever the working directory. */
    public static Path path() {
        try {
            Path testClasses = Path.of(RepositoryRoot.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path root = testClasses.getParent().getParent().getParent();
            assertThat(Files.isDirectory(root.resolve("clinic-bootstrap")))
                    .as("repository root %s", root)
                    .isTrue();
            return root;
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
