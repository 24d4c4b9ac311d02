package dev.companysso.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Keycloak process's CPU time per login of each path: what a login costs the server when it is
 * the bottleneck, as in an onboarding wave, apart from the wall-clock latency that the upstream
 * login and the network share. Logins run one at a time in blocks of one path, the paths' order
 * rotating from round to round, so that background work (JIT, GC, timers) falls on every path
 * alike; the result is the median block's CPU per login.
 */
final class LoginCpu {

  static final int ROUNDS = 12;
  static final int LOGINS_PER_BLOCK = 10;
  private static final String[] KINDS = {"first login", "returning login"};

  /** Linux's name of Quarkus's worker threads, cut to 15 characters. */
  private static final String REQUEST_THREAD = "executor-thread";

  /** Median CPU nanoseconds per login, by path ({@link FirstLoginBenchmark.LoginPaths#PATHS}). */
  private final long[][] nanosByKindAndPath;

  private LoginCpu(long[][] nanosByKindAndPath) {
    this.nanosByKindAndPath = nanosByKindAndPath;
  }

  /** Upstream users this measurement signs in for the first time, per path. */
  static int newUsersPerPath() {
    return ROUNDS * LOGINS_PER_BLOCK;
  }

  static LoginCpu measure(FirstLoginBenchmark.LoginPaths paths, long keycloakPid)
      throws IOException {
    Path keycloak = Path.of("/proc", Long.toString(keycloakPid), "task");
    int pathCount = FirstLoginBenchmark.LoginPaths.PATHS.length;
    long[][] result = new long[KINDS.length][pathCount];
    for (int kind = 0; kind < KINDS.length; kind++) {
      List<List<Long>> blocks = new ArrayList<>();
      for (int path = 0; path < pathCount; path++) {
        blocks.add(new ArrayList<>());
      }
      for (int round = 0; round < ROUNDS; round++) {
        for (int turn = 0; turn < pathCount; turn++) {
          int path = (round + turn) % pathCount;
          long before = cpuNanos(keycloak);
          for (int login = 0; login < LOGINS_PER_BLOCK; login++) {
            paths.time(path, kind);
          }
          blocks.get(path).add((cpuNanos(keycloak) - before) / LOGINS_PER_BLOCK);
        }
      }
      for (int path = 0; path < pathCount; path++) {
        result[kind][path] = median(blocks.get(path));
      }
    }
    return new LoginCpu(result);
  }

  /** CPU nanoseconds the process's request threads have run so far. */
  private static long cpuNanos(Path tasks) throws IOException {
    long nanos = 0;
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
      for (Path thread : threads) {
        try {
          if (Files.readString(thread.resolve("comm")).startsWith(REQUEST_THREAD)) {
            // schedstat: time on CPU, time waiting for a CPU, time slices (nanoseconds).
            nanos += Long.parseLong(Files.readString(thread.resolve("schedstat")).split(" ")[0]);
          }
        } catch (NoSuchFileException ended) {
          // A thread that ended since the listing ran no login of this block.
        }
      }
    }
    return nanos;
  }

  private static long median(List<Long> values) {
    long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  String markdown() {
    StringBuilder md =
        new StringBuilder(
            String.format(
                "Keycloak's CPU time per login (its request threads, from Linux's scheduler"
                    + " statistics; median of %d blocks of %d logins one at a time, paths"
                    + " rotating):%n%n"
                    + "| kind | company flow ms | built-in ms | built-in with Organizations ms |"
                    + " ratio to built-in | ratio to built-in with Organizations |%n"
                    + "|---|---:|---:|---:|---:|---:|%n",
                ROUNDS, LOGINS_PER_BLOCK));
    for (int kind = 0; kind < KINDS.length; kind++) {
      long[] cpu = nanosByKindAndPath[kind];
      md.append(
          String.format(
              "| %s | %.1f | %.1f | %.1f | **%.2fx** | **%.2fx** |%n",
              KINDS[kind],
              cpu[0] / 1e6,
              cpu[1] / 1e6,
              cpu[2] / 1e6,
              (double) cpu[0] / cpu[1],
              (double) cpu[0] / cpu[2]));
    }
    return md.toString();
  }
}
