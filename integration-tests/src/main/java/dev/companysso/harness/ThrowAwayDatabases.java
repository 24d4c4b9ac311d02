package dev.companysso.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What {@link PostgresServer} and {@link MariaDbServer} share: a folder of their own and the
 * database's command-line tools run to their end.
 */
final class ThrowAwayDatabases {

  private ThrowAwayDatabases() {}

  static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /**
   * An empty folder for a new server. As root it is a new folder under the system's temporary
   * directory: a database that runs as its own user must reach it, and a checkout under {@code
   * /root} is closed to other users. Otherwise it is {@code data} (anything there is deleted).
   */
  static Path freshFolder(Path data, String prefix) {
    try {
      if (runningAsRoot()) {
        return Files.createTempDirectory(prefix).toAbsolutePath();
      }
      Directories.deleteTree(data);
      return Files.createDirectories(data).toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs a command to its end and returns its output (standard error included).
   *
   * @throws IllegalStateException with the output when it fails or runs longer than two minutes
   */
  static String run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted: " + String.join(" ", command), e);
    }
  }
}
