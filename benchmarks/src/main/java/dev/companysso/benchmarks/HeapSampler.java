package dev.companysso.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples the live heap of another JVM while something runs there: every few seconds a full GC
 * ({@code jcmd GC.run}) and then the heap's used size ({@code jcmd GC.heap_info}), so a sample is
 * what survives, not garbage waiting for collection. Keeps the largest sample.
 */
final class HeapSampler implements AutoCloseable {

  private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");

  private final long pid;
  private final String jcmd;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long maxUsedKb;

  HeapSampler(long pid, long periodMillis) {
    this.pid = pid;
    this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    this.thread =
        new Thread(
            () -> {
              while (running) {
                sample();
                sleep(periodMillis);
              }
            },
            "heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  /** The largest live heap seen, in MiB. */
  double maxMib() {
    return maxUsedKb / 1024.0;
  }

  private void sample() {
    run("GC.run");
    Matcher used = USED.matcher(run("GC.heap_info"));
    if (used.find()) {
      maxUsedKb = Math.max(maxUsedKb, Long.parseLong(used.group(1)));
    }
  }

  private String run(String command) {
    try {
      Process process =
          new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      process.waitFor(30, TimeUnit.SECONDS);
      return new String(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(60_000);
    sample();
  }
}
