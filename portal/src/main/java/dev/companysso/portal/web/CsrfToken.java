package dev.companysso.portal.web;

import dev.companysso.core.SecretTokens;

/**
 * The token every portal form carries, derived from a secret only the visitor's browser knows (its
 * setup link cookie's secret, or its Keycloak user session): another site can make the browser
 * post, but cannot know the token.
 */
final class CsrfToken {

  private CsrfToken() {}

  static String of(String browserSecret) {
    return SecretTokens.hash("csrf:" + browserSecret);
  }

  static boolean matches(String browserSecret, String presented) {
    return SecretTokens.matches(SecretTokens.hash(of(browserSecret)), presented);
  }
}
