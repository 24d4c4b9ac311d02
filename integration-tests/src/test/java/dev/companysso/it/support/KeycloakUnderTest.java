package dev.companysso.it.support;

import dev.companysso.core.KeycloakFeatures;

/**
 * The Keycloak version the tests run on ({@code -Dkeycloak.version}), for the tests of what a
 * feature does where the server has it and how it is refused where it does not.
 */
public final class KeycloakUnderTest {

  /** Keycloak's release that brought organization groups. */
  public static final String ORGANIZATION_GROUPS = "26.6";

  private KeycloakUnderTest() {}

  public static String version() {
    return System.getProperty("keycloak.version");
  }

  /** Whether the server is {@code release} ({@code 26.6}) or later. */
  public static boolean atLeast(String release) {
    return KeycloakFeatures.atLeast(version(), release);
  }

  /** The refusal the bundle gives on an older server, for {@code what}. */
  public static String needs(String what, String release) {
    return what
        + " needs Keycloak "
        + release
        + " or later; this server runs Keycloak "
        + version();
  }
}
