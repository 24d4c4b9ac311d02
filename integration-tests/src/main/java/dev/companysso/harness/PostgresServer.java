package dev.companysso.harness;

import static dev.companysso.harness.ThrowAwayDatabases.runningAsRoot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster from the operating system's packages (Debian's {@code
 * postgresql}), in a folder of its own on loopback: {@code initdb} with trust authentication, one
 * database {@code keycloak}. PostgreSQL refuses to run as root, so as root the commands run as the
 * {@code postgres} user the package creates.
 */
public final class PostgresServer implements AutoCloseable {

  public static final String DATABASE = "keycloak";
  public static final String USER = "postgres";

  private final Path binaries;
  private final Path data;
  private final int port;

  private PostgresServer(Path binaries, Path data, int port) {
    this.binaries = binaries;
    this.data = data;
    this.port = port;
  }

  /**
   * Creates a fresh cluster and starts it: as root in a new folder under the system's temporary
   * directory, which the {@code postgres} user can reach, otherwise in {@code data} (anything there
   * is deleted).
   */
  public static PostgresServer start(Path data, int port) {
    Path folder = ThrowAwayDatabases.freshFolder(data, "company-sso-postgres-");
    PostgresServer server = new PostgresServer(binaries(), folder, port);
    if (runningAsRoot()) {
      ThrowAwayDatabases.run(List.of("chown", "-R", USER + ":" + USER, server.data.toString()));
    }
    server.asPostgres(
        "initdb", "--auth=trust", "--username=" + USER, "--no-sync", "-D", server.data.toString());
    server.startProcess();
    server.asPostgres(
        "createdb", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", USER, DATABASE);
    Runtime.getRuntime().addShutdownHook(new Thread(server::stopQuietly, "stop-postgres"));
    return server;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  /** Stops the server (fast shutdown: open connections are cut) and starts it again. */
  public void restart() {
    stopProcess();
    startProcess();
  }

  @Override
  public void close() {
    stopQuietly();
    if (runningAsRoot()) {
      Directories.deleteTree(data);
    }
  }

  /** The cluster's folder (its {@code server.log} is there). */
  public Path folder() {
    return data;
  }

  private void startProcess() {
    asPostgres(
        "pg_ctl",
        "-D",
        data.toString(),
        "-l",
        data.resolve("server.log").toString(),
        "-o",
        "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1 -c fsync=off",
        "-w",
        "start");
  }

  private void stopProcess() {
    asPostgres("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
  }

  private void stopQuietly() {
    if (Files.exists(data.resolve("postmaster.pid"))) {
      try {
        stopProcess();
      } catch (RuntimeException e) {
        // Already gone: nothing to stop.
      }
    }
  }

  private void asPostgres(String tool, String... arguments) {
    List<String> command = new ArrayList<>();
    if (runningAsRoot()) {
      command.addAll(List.of("runuser", "-u", USER, "--"));
    }
    command.add(binaries.resolve(tool).toString());
    command.addAll(List.of(arguments));
    ThrowAwayDatabases.run(command);
  }

  /** The newest installed PostgreSQL's programs ({@code /usr/lib/postgresql/<major>/bin}). */
  private static Path binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException(
          "PostgreSQL is not installed: apt-get install -y postgresql (.ci/run does)");
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
          .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
          .map(v -> v.resolve("bin"))
          .orElseThrow(() -> new IllegalStateException("No initdb under " + root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
