package dev.companysso.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The JDK's {@code jcmd}, for controlling flight recordings in the Keycloak process. */
final class Jcmd {

  private Jcmd() {}

  static void run(long pid, String... command) throws Exception {
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    line.add(Long.toString(pid));
    line.addAll(List.of(command));
    Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(jcmd.getInputStream().readAllBytes());
    if (jcmd.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + String.join(" ", command) + ": " + output);
    }
  }
}
