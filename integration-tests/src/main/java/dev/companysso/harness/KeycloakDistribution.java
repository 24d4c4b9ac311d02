package dev.companysso.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An unpacked {@code keycloak-quarkus-dist} with the bundle installed the way a user installs it:
 * provider JARs in {@code providers/}, realm exports in {@code data/import/}.
 *
 * <p>The build unpacks the distribution and unzips the bundle's release zip (see
 * integration-tests/pom.xml); their folders reach the harness as the system properties {@code
 * keycloak.dist.dir} and {@code company-sso.bundle.dir}.
 */
public final class KeycloakDistribution {

  private static final Duration KC_COMMAND_TIMEOUT = Duration.ofMinutes(5);

  private final Path home;
  private final Path bundle;

  KeycloakDistribution(Path home, Path bundle) {
    this.home = home;
    this.bundle = bundle;
  }

  public static KeycloakDistribution fromSystemProperties() {
    return new KeycloakDistribution(
        requiredDirectory("keycloak.dist.dir"), requiredDirectory("company-sso.bundle.dir"));
  }

  private static Path requiredDirectory(String property) {
    String value = System.getProperty(property);
    if (value == null || !Files.isDirectory(Path.of(value))) {
      throw new IllegalStateException(
          "System property "
              + property
              + " must name a folder the build prepared (was "
              + value
              + "); run the tests through Maven: mvn verify");
    }
    return Path.of(value);
  }

  public Path home() {
    return home;
  }

  public Path realmExports() {
    return bundle.resolve("data/import");
  }

  /** A copy of this distribution in {@code target}, for a test that needs a server of its own. */
  public KeycloakDistribution copyTo(Path target) {
    Directories.copyTree(home, target);
    return new KeycloakDistribution(target, bundle);
  }

  /**
   * Replaces the providers and realm imports with the current bundle and forgets the previous run's
   * database, so every run starts from the realm exports alone.
   */
  void installBundle() {
    replaceContents(bundle.resolve("providers"), home.resolve("providers"), ".jar");
    replaceContents(realmExports(), home.resolve("data/import"), ".json");
    Directories.deleteTree(home.resolve("data/h2"));
  }

  /**
   * Runs {@code kc.sh import --dir data/import} on the current bundle, as a user's CI does before
   * it starts the server.
   *
   * @return the command's exit code
   */
  public int importRealms(Map<String, String> environment, Path log) {
    installBundle();
    return runKc(environment, log, "import", "--dir", home.resolve("data/import").toString());
  }

  /**
   * Installs the current bundle and runs {@code kc.sh build} with {@code options} (database, cache
   * stack, features), as a production image is built; nodes then {@code start --optimized}.
   */
  public void build(List<String> options, Path log) {
    installBundle();
    List<String> arguments = new ArrayList<>(List.of("build"));
    arguments.addAll(options);
    int exit = runKc(Map.of(), log, arguments.toArray(String[]::new));
    if (exit != 0) {
      throw new IllegalStateException(
          "kc.sh build exited with " + exit + ":\n" + KeycloakServer.tail(log, 40));
    }
  }

  /**
   * Runs {@code kc.sh import --file} of one realm representation into a fresh database of this
   * distribution, as installed; empty when it ran longer than {@code timeout} (it is then stopped).
   */
  public OptionalInt importRealm(Path file, Path log, Duration timeout) {
    Directories.deleteTree(home.resolve("data/h2"));
    try {
      return OptionalInt.of(runKc(Map.of(), log, timeout, "import", "--file", file.toString()));
    } catch (IllegalStateException tooLong) {
      return OptionalInt.empty();
    }
  }

  /** Runs {@code kc.sh export} of one realm into {@code file}; returns the exit code. */
  public int exportRealm(String realm, Path file, Map<String, String> environment, Path log) {
    return runKc(environment, log, "export", "--realm", realm, "--file", file.toString());
  }

  private int runKc(Map<String, String> environment, Path log, String... arguments) {
    return runKc(environment, log, KC_COMMAND_TIMEOUT, arguments);
  }

  private int runKc(
      Map<String, String> environment, Path log, Duration timeout, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/kc.sh").toString());
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    try {
      Files.createDirectories(log.getParent());
      Process process =
          builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new IllegalStateException("kc.sh " + arguments[0] + " ran longer than " + timeout);
      }
      return process.exitValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running kc.sh " + arguments[0], e);
    }
  }

  private static void replaceContents(Path from, Path to, String suffix) {
    Directories.deleteTree(to);
    try {
      Files.createDirectories(to);
      for (Path file : list(from)) {
        if (file.getFileName().toString().endsWith(suffix)) {
          Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().toList();
    }
  }
}
