package dev.companysso.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/benchmarks.md: one "## " section per benchmark, replaced whole by each run; and what a
 * section says about where it was measured.
 */
final class BenchmarkReport {

  private static final String MAVEN_LAUNCHER = "org.codehaus.plexus.classworlds.launcher.Launcher";

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
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, text);
  }

  /** The version in the distribution's {@code version.txt} ("Keycloak - Version 26.7.3"). */
  static String keycloakVersion(Path distribution) {
    try {
      Matcher version =
          Pattern.compile("Version\\s+(\\S+)")
              .matcher(Files.readString(distribution.resolve("version.txt")));
      return version.find() ? version.group(1) : "(unknown version)";
    } catch (IOException e) {
      return "(unknown version)";
    }
  }

  /**
   * "2 cores (nproc), 24 GiB RAM, Java 17.0.15, Linux": the machine the client and server share.
   */
  static String machine() {
    String memory = "";
    try {
      Matcher total =
          Pattern.compile("MemTotal:\\s+(\\d+) kB")
              .matcher(Files.readString(Path.of("/proc/meminfo")));
      if (total.find()) {
        memory = String.format(", %.0f GiB RAM", Long.parseLong(total.group(1)) / 1024.0 / 1024.0);
      }
    } catch (IOException e) {
      // Not Linux: no memory figure.
    }
    return Runtime.getRuntime().availableProcessors()
        + " cores (nproc)"
        + memory
        + ", Java "
        + System.getProperty("java.version")
        + ", "
        + System.getProperty("os.name");
  }

  /**
   * The Maven command this run was started with: exec:java runs the benchmark inside Maven's own
   * JVM, whose {@code mvn} script exports its arguments. {@code fallback} when run otherwise.
   */
  static String command(String fallback) {
    String arguments = System.getenv("MAVEN_CMD_LINE_ARGS");
    if (arguments == null || arguments.isBlank()) {
      String launched = System.getProperty("sun.java.command", "");
      if (!launched.startsWith(MAVEN_LAUNCHER)) {
        return fallback;
      }
      arguments = launched.substring(MAVEN_LAUNCHER.length());
    }
    return "mvn " + arguments.strip();
  }
}
