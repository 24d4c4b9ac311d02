package dev.companysso.core;

import java.util.Map;

/**
 * The release a JAR of the bundle came from, as its manifest names it ({@code
 * Implementation-Version}), for Keycloak's server info (admin console: Provider info).
 */
public final class BundleVersion {

  /** The key under which Keycloak's server info shows it. */
  public static final String INFO_KEY = "company-sso-version";

  private BundleVersion() {}

  /** The operational info of a provider factory of the bundle: the release of its own JAR. */
  public static Map<String, String> infoOf(Class<?> factory) {
    String version = factory.getPackage().getImplementationVersion();
    return Map.of(INFO_KEY, version == null ? "unreleased (classes, not a JAR)" : version);
  }
}
