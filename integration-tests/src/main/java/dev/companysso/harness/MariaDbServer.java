package dev.companysso.harness;

import static dev.companysso.harness.ThrowAwayDatabases.runningAsRoot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away MariaDB server from the operating system's packages (Debian's {@code
 * mariadb-server}), in a folder of its own on loopback: {@code mariadb-install-db}, then {@code
 * mariadbd} as a child process, with one database {@code keycloak} (utf8mb4) and one user that
 * signs in with a password from 127.0.0.1, as Keycloak reaches a database server it does not own.
 * The package's own service is never used.
 *
 * <p>As root the folder is a new one under the system's temporary directory, as for {@link
 * PostgresServer}, and the server runs as root: {@code mariadbd} refuses that unless told {@code
 * --user=root}.
 */
public final class MariaDbServer implements AutoCloseable {

  public static final String DATABASE = "keycloak";
  public static final String USER = "keycloak";
  public static final String PASSWORD = "keycloak-password";

  private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
  private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
  private static final Path CLIENT = Path.of("/usr/bin/mariadb");
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);

  private final Path folder;
  private final int port;
  private final Process process;

  private MariaDbServer(Path folder, int port, Process process) {
    this.folder = folder;
    this.port = port;
    this.process = process;
  }

  /**
   * Creates a fresh server and starts it: as root in a new folder under the system's temporary
   * directory, otherwise in {@code data} (anything there is deleted).
   */
  public static MariaDbServer start(Path data, int port) {
    for (Path program : List.of(SERVER, INSTALL_DB, CLIENT)) {
      if (!Files.isExecutable(program)) {
        throw new IllegalStateException(
            "MariaDB is not installed (no "
                + program
                + "): apt-get install -y mariadb-server (.ci/run does)");
      }
    }
    Path folder = ThrowAwayDatabases.freshFolder(data, "company-sso-mariadb-");
    List<String> install =
        new ArrayList<>(
            List.of(
                INSTALL_DB.toString(),
                "--no-defaults",
                "--datadir=" + folder.resolve("data"),
                "--skip-test-db"));
    install.addAll(asRoot());
    ThrowAwayDatabases.run(install);
    MariaDbServer server = new MariaDbServer(folder, port, launch(folder, port));
    Runtime.getRuntime().addShutdownHook(new Thread(server::stopProcess, "stop-mariadb"));
    try {
      server.awaitConnections();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private static Process launch(Path folder, int port) {
    Path setup = folder.resolve("setup.sql");
    List<String> command =
        new ArrayList<>(
            List.of(
                SERVER.toString(),
                "--no-defaults",
                "--datadir=" + folder.resolve("data"),
                "--socket=" + folder.resolve("mariadb.sock"),
                "--pid-file=" + folder.resolve("mariadb.pid"),
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--skip-name-resolve",
                "--skip-log-bin",
                // A throw-away database need not survive a crash (PostgresServer: fsync=off).
                "--innodb-flush-log-at-trx-commit=0",
                // Runs before the server takes connections, so no root session is needed.
                "--init-file=" + setup));
    command.addAll(asRoot());
    try {
      Files.writeString(
          setup,
          String.join(
              "\n",
              "CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4;",
              "CREATE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "';",
              "GRANT ALL PRIVILEGES ON " + DATABASE + ".* TO '" + USER + "'@'127.0.0.1';",
              ""));
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(folder.resolve("server.log").toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + SERVER, e);
    }
  }

  private static List<String> asRoot() {
    return runningAsRoot() ? List.of("--user=root") : List.of();
  }

  public String jdbcUrl() {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
  }

  /**
   * Runs SQL as {@link #USER} in the {@code keycloak} database with the {@code mariadb} client;
   * returns its rows, tab-separated, without a header.
   */
  public List<String> query(String sql) {
    return ThrowAwayDatabases.run(
            List.of(
                CLIENT.toString(),
                "--no-defaults",
                "--protocol=TCP",
                "--host=127.0.0.1",
                "--port=" + port,
                "--user=" + USER,
                "--password=" + PASSWORD,
                "--batch",
                "--skip-column-names",
                "--execute=" + sql,
                DATABASE))
        .lines()
        .toList();
  }

  /** The server's folder (its {@code server.log} is there). */
  public Path folder() {
    return folder;
  }

  /** Stops the server and deletes its folder. */
  @Override
  public void close() {
    stopProcess();
    Directories.deleteTree(folder);
  }

  /** Waits until {@link #USER} can use the database: the setup has then run. */
  private void awaitConnections() {
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "mariadbd exited with code "
                + process.exitValue()
                + ":\n"
                + KeycloakServer.tail(folder.resolve("server.log"), 40));
      }
      try {
        query("SELECT 1");
        return;
      } catch (IllegalStateException notYet) {
        // Still starting, or the setup has not run yet.
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for MariaDB", e);
      }
    }
    throw new IllegalStateException(
        "MariaDB did not accept connections after "
            + STARTUP_TIMEOUT
            + ":\n"
            + KeycloakServer.tail(folder.resolve("server.log"), 40));
  }

  /** A normal shutdown (SIGTERM), forced after a minute. */
  private void stopProcess() {
    process.destroy();
    try {
      if (!process.waitFor(1, TimeUnit.MINUTES)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
