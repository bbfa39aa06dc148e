package io.quiver.feed.csv;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the sample data files are: the system property set by the build, else the project's data folder. */
final class SampleData {
    private SampleData() {
    }

    static Path file(String name) {
        String dir = System.getProperty("quiver.sample.data", "../../data");
        Path p = Path.of(dir).resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("sample data file not found: " + p.toAbsolutePath());
        }
        return p;
    }
}
