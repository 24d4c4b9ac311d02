package dev.companysso.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** docs/benchmarks.md: one "## " section per benchmark, replaced whole by each run. */
final class BenchmarkReport {

  private BenchmarkReport() {}

  static void replaceSection(Path report, String title, String body) throws IOException {
    String heading = "## " + title + "\n";
    String text = Files.exists(report) ? Files.readString(report) : "# Benchmarks\n";
    int start = text.indexOf(heading);
    String section = heading + "\n" + body.strip() + "\n";
    if (start < 0) {
      text = text.stripTrailing() + "\n\n" + section;
    } else {
      int end = text.indexOf("\n## ", start + heading.length());
      text = text.substring(0, start) + section + (end < 0 ? "" : text.substring(end));
    }
    Files.writeString(report, text);
  }
}
