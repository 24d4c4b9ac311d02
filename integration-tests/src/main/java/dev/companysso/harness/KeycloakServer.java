package dev.companysso.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.keycloak.admin.client.Keycloak;

/**
 * The real Keycloak distribution running as a child process on loopback, the way a user runs it:
 * {@code kc.sh start-dev --import-realm} for most tests, {@code kc.sh start --optimized} for a node
 * of a production deployment.
 *
 * <p>The process is stopped by {@link #close()} and, whatever happens to the caller, by a JVM
 * shutdown hook, so no run leaves a server behind.
 */
public final class KeycloakServer implements AutoCloseable {

  public static final String ADMIN_USERNAME = "admin";
  public static final String ADMIN_PASSWORD = "admin";
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);

  private final Process process;
  private final Path log;
  private final int httpPort;
  private final int managementPort;
  private final Thread shutdownHook;

  private KeycloakServer(Process process, Path log, int httpPort, int managementPort) {
    this.process = process;
    this.log = log;
    this.httpPort = httpPort;
    this.managementPort = managementPort;
    this.shutdownHook = new Thread(this::stopProcess, "stop-keycloak");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Installs the bundle into {@code distribution}, starts Keycloak and waits until it is ready.
   *
   * @param environment variables for the process, such as the realm exports' placeholders
   */
  public static KeycloakServer start(
      KeycloakDistribution distribution,
      int httpPort,
      int managementPort,
      Path log,
      Map<String, String> environment) {
    distribution.installBundle();
    return restart(distribution, httpPort, managementPort, log, environment);
  }

  /**
   * Starts Keycloak again on what an earlier {@link #start} installed, its database kept: a
   * restart.
   */
  public static KeycloakServer restart(
      KeycloakDistribution distribution,
      int httpPort,
      int managementPort,
      Path log,
      Map<String, String> environment) {
    return launch(
        distribution,
        List.of("start-dev", "--import-realm"),
        httpPort,
        managementPort,
        log,
        environment);
  }

  /**
   * Starts one node of a production deployment from a distribution already built with {@code kc.sh
   * build} ({@code start --optimized}) and waits until it is ready.
   *
   * @param options the node's own options: database URL, hostname, {@code --import-realm}
   */
  public static KeycloakServer startOptimized(
      KeycloakDistribution distribution,
      List<String> options,
      int httpPort,
      int managementPort,
      Path log,
      Map<String, String> environment) {
    List<String> arguments =
        new ArrayList<>(List.of("start", "--optimized", "--http-enabled=true"));
    arguments.addAll(options);
    return launch(distribution, arguments, httpPort, managementPort, log, environment);
  }

  private static KeycloakServer launch(
      KeycloakDistribution distribution,
      List<String> arguments,
      int httpPort,
      int managementPort,
      Path log,
      Map<String, String> environment) {
    List<String> command = new ArrayList<>();
    command.add(distribution.home().resolve("bin/kc.sh").toString());
    command.addAll(arguments);
    command.addAll(
        List.of(
            "--http-host=127.0.0.1",
            "--http-port=" + httpPort,
            "--http-management-port=" + managementPort,
            "--health-enabled=true"));
    // A restarted node appends to its log: what it did before the restart is evidence too.
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
    builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    builder.environment().put("KC_LOG_CONSOLE_COLOR", "false");
    KeycloakServer server;
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          "---- " + Instant.now() + " kc.sh " + arguments.get(0) + System.lineSeparator(),
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      server = new KeycloakServer(builder.start(), log, httpPort, managementPort);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + distribution.home() + "/bin/kc.sh", e);
    }
    try {
      server.awaitReady();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  public String baseUrl() {
    return "http://localhost:" + httpPort;
  }

  /** The management interface: {@code /health}, and {@code /metrics} when metrics are on. */
  public String managementUrl() {
    return "http://127.0.0.1:" + managementPort;
  }

  public int httpPort() {
    return httpPort;
  }

  public Path log() {
    return log;
  }

  /** The server's JVM (kc.sh execs java, or starts it as its child), for heap measurements. */
  public long jvmPid() {
    return process
        .toHandle()
        .descendants()
        .filter(child -> child.info().command().map(c -> c.endsWith("java")).orElse(false))
        .findFirst()
        .orElse(process.toHandle())
        .pid();
  }

  /** An admin client of the master realm's bootstrap admin; close it after use. */
  public Keycloak adminClient() {
    return Keycloak.getInstance(baseUrl(), "master", ADMIN_USERNAME, ADMIN_PASSWORD, "admin-cli");
  }

  /** The last {@code lines} lines of the server log, for a failing test's report. */
  public String logTail(int lines) {
    return tail(log, lines);
  }

  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join(
          System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(could not read " + file + ": " + e.getMessage() + ")";
    }
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    // In production mode "started" is logged before the schema exists; readiness is the signal.
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Keycloak exited with code "
                + process.exitValue()
                + " before it was ready:\n"
                + logTail(60));
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
      }
      sleepQuietly(Duration.ofMillis(500));
    }
    throw new IllegalStateException(
        "Keycloak was not ready after " + STARTUP_TIMEOUT + ":\n" + logTail(60));
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Ends the server at once, as a crash or an OOM kill would: no shutdown, no goodbye. */
  public void kill() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stopProcess();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running or has run.
    }
  }

  private void stopProcess() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        tree.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      tree.forEach(ProcessHandle::destroyForcibly);
    }
  }
}
