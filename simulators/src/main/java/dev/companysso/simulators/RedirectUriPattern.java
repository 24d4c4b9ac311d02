package dev.companysso.simulators;

import java.net.URI;

/**
 * A registered redirect URI. One ending in {@code *} admits every URI that starts with the part
 * before it, so {@code http://localhost:*} admits Keycloak on any test port.
 */
record RedirectUriPattern(String pattern) {

  private static final String WILDCARD = "*";

  boolean admits(URI uri) {
    if (uri == null) {
      return false;
    }
    if (!pattern.endsWith(WILDCARD)) {
      return pattern.equals(uri.toString());
    }
    // A prefix like "http://localhost:" would otherwise admit http://localhost:1@attacker.example/.
    if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      return false;
    }
    return uri.toString().startsWith(pattern.substring(0, pattern.length() - WILDCARD.length()));
  }
}
