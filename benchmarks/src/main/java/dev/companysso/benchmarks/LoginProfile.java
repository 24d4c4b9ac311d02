package dev.companysso.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * A CPU profile of each path's first and returning logins, for finding what one path does that
 * another does not. All logins run in one flight recording, one at a time and interleaved path by
 * path, and each request-thread sample is given to the login whose time window holds it. Separate
 * recordings one path after the other were misleading: the path recorded first still ran partly
 * interpreted, since the JIT had not finished with code that only later paths share.
 *
 * <p>Writes {@code logins.jfr} (for JDK Mission Control) and, per path and kind, a {@code
 * .collapsed} file of folded stacks ({@code frame;frame;frame count}, root first), the input of
 * flame graph tools and easy to compare with a script.
 */
final class LoginProfile {

  /** The JDK's profiling settings, sampling each thread every millisecond. */
  private static final String[] SETTINGS = {"settings=profile", "method-profiling=max"};

  private static final String[] KINDS = {"first-login", "returning-login"};

  private final FirstLoginBenchmark.LoginPaths paths;
  private final long keycloakPid;

  LoginProfile(FirstLoginBenchmark.LoginPaths paths, long keycloakPid) {
    this.paths = paths;
    this.keycloakPid = keycloakPid;
  }

  /** One login of a path and kind, from its first request until its token. */
  private record Window(Instant start, Instant end, int path, int kind) {}

  /**
   * {@code rounds} of every path's logins under a recording that is thrown away: the first
   * recording of a JVM pays for starting the flight recorder, which would fall on the first logins
   * recorded.
   */
  void warmUp(int rounds) throws Exception {
    Jcmd.run(keycloakPid, "JFR.start", "name=warm-up", SETTINGS[0], SETTINGS[1]);
    paths.run(1, rounds);
    Jcmd.run(keycloakPid, "JFR.stop", "name=warm-up");
  }

  /**
   * Records {@code logins} first and as many returning logins of each path and writes the files to
   * {@code directory}; returns the request-thread samples per path and kind, as a markdown table.
   */
  String record(Path directory, int logins) throws Exception {
    Files.createDirectories(directory);
    Path recording = directory.resolve("logins.jfr").toAbsolutePath();
    List<Window> windows = new ArrayList<>();
    Jcmd.run(keycloakPid, "JFR.start", "name=logins", SETTINGS[0], SETTINGS[1]);
    int pathCount = FirstLoginBenchmark.LoginPaths.PATHS.length;
    for (int kind = 0; kind < KINDS.length; kind++) {
      for (int login = 0; login < logins; login++) {
        for (int turn = 0; turn < pathCount; turn++) {
          int path = (login + turn) % pathCount;
          Instant start = Instant.now();
          paths.time(path, kind);
          windows.add(new Window(start, Instant.now(), path, kind));
        }
      }
    }
    Jcmd.run(keycloakPid, "JFR.stop", "name=logins", "filename=" + recording);
    return markdown(split(recording, windows, directory), logins);
  }

  private static String markdown(int[][] samples, int logins) {
    StringBuilder md =
        new StringBuilder(
            String.format(
                "Profile (`-Dbenchmark.jfr`): request-thread samples of the flight recorder, one"
                    + " per millisecond on CPU in Java code, over %d logins of each path and kind,"
                    + " interleaved:%n%n"
                    + "| kind | company flow | built-in | built-in with Organizations | ratio to"
                    + " built-in | ratio to built-in with Organizations |%n"
                    + "|---|---:|---:|---:|---:|---:|%n",
                logins));
    for (int kind = 0; kind < KINDS.length; kind++) {
      md.append(
          String.format(
              "| %s | %d | %d | %d | **%.2fx** | **%.2fx** |%n",
              KINDS[kind].replace('-', ' '),
              samples[0][kind],
              samples[1][kind],
              samples[2][kind],
              (double) samples[0][kind] / samples[1][kind],
              (double) samples[0][kind] / samples[2][kind]));
    }
    return md.append('\n').toString();
  }

  private static int[][] split(Path recording, List<Window> windows, Path directory)
      throws IOException {
    int pathCount = FirstLoginBenchmark.LoginPaths.PATHS.length;
    List<Map<String, Integer>> folded = new ArrayList<>();
    for (int i = 0; i < pathCount * KINDS.length; i++) {
      folded.add(new TreeMap<>());
    }
    int[][] samples = new int[pathCount][KINDS.length];
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedThread thread = event.getThread("sampledThread");
      RecordedStackTrace stack = event.getStackTrace();
      if (thread == null || stack == null || !isRequestThread(thread.getJavaName())) {
        continue;
      }
      Window window = windowAt(windows, event.getStartTime());
      if (window == null) {
        continue;
      }
      samples[window.path()][window.kind()]++;
      folded
          .get(window.path() * KINDS.length + window.kind())
          .merge(fold(stack.getFrames()), 1, Integer::sum);
    }
    for (int path = 0; path < pathCount; path++) {
      for (int kind = 0; kind < KINDS.length; kind++) {
        StringBuilder text = new StringBuilder();
        folded
            .get(path * KINDS.length + kind)
            .forEach((stack, count) -> text.append(stack).append(' ').append(count).append('\n'));
        String name = FirstLoginBenchmark.LoginPaths.PATHS[path].replace(' ', '-');
        Files.writeString(directory.resolve(name + "-" + KINDS[kind] + ".collapsed"), text);
      }
    }
    return samples;
  }

  private static boolean isRequestThread(String name) {
    return name != null && name.startsWith("executor-thread");
  }

  /** The window holding {@code time}; windows are in time order and do not overlap. */
  private static Window windowAt(List<Window> windows, Instant time) {
    int low = 0;
    int high = windows.size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      Window window = windows.get(middle);
      if (time.isBefore(window.start())) {
        high = middle - 1;
      } else if (time.isAfter(window.end())) {
        low = middle + 1;
      } else {
        return window;
      }
    }
    return null;
  }

  private static String fold(List<RecordedFrame> frames) {
    StringBuilder folded = new StringBuilder();
    for (int i = frames.size() - 1; i >= 0; i--) {
      RecordedFrame frame = frames.get(i);
      if (folded.length() > 0) {
        folded.append(';');
      }
      folded
          .append(frame.getMethod().getType().getName())
          .append('.')
          .append(frame.getMethod().getName());
    }
    return folded.toString();
  }
}
