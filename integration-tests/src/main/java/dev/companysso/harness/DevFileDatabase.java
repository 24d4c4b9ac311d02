package dev.companysso.harness;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The H2 file database of a stopped {@code start-dev} Keycloak ({@code data/h2/keycloakdb}), opened
 * with the distribution's own H2 driver, whose version is the file's format. For tests that put a
 * database into a state an earlier release left behind. Keycloak must have created the database
 * with {@link #CREDENTIALS} in its environment.
 */
public final class DevFileDatabase {

  private static final String USER = "csso";
  private static final String PASSWORD = "csso-dev-file";

  /** Keycloak's environment for a database this class can open. */
  public static final Map<String, String> CREDENTIALS =
      Map.of("KC_DB_USERNAME", USER, "KC_DB_PASSWORD", PASSWORD);

  private DevFileDatabase() {}

  /**
   * Runs {@code statements} in one transaction. Keycloak must be stopped: H2 locks the file.
   *
   * @return the rows each statement changed
   */
  public static int[] execute(KeycloakDistribution keycloak, String... statements) {
    try (URLClassLoader h2 =
        new URLClassLoader(
            new URL[] {h2Jar(keycloak.home())}, ClassLoader.getPlatformClassLoader())) {
      Driver driver = (Driver) h2.loadClass("org.h2.Driver").getDeclaredConstructor().newInstance();
      Properties credentials = new Properties();
      credentials.setProperty("user", USER);
      credentials.setProperty("password", PASSWORD);
      String url =
          "jdbc:h2:file:"
              + keycloak.home().resolve("data/h2/keycloakdb")
              + ";NON_KEYWORDS=VALUE;IFEXISTS=TRUE";
      try (Connection connection = driver.connect(url, credentials);
          Statement statement = connection.createStatement()) {
        connection.setAutoCommit(false);
        int[] changed = new int[statements.length];
        for (int i = 0; i < statements.length; i++) {
          changed[i] = statement.executeUpdate(statements[i]);
        }
        connection.commit();
        return changed;
      }
    } catch (Exception e) {
      throw new IllegalStateException("Could not change the H2 database of " + keycloak.home(), e);
    }
  }

  private static URL h2Jar(Path home) throws IOException {
    try (Stream<Path> jars = Files.list(home.resolve("lib/lib/main"))) {
      return jars.filter(jar -> jar.getFileName().toString().startsWith("com.h2database.h2-"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("No H2 driver in " + home))
          .toUri()
          .toURL();
    }
  }
}
