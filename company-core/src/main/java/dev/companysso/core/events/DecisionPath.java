package dev.companysso.core.events;

import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The decisions one login took, in order ({@code discovery=domain:acme; provider=acme-okta;
 * first-login=created; roles=+Engineer -Field; access=admitted}), kept in the authentication
 * session while the login runs through its steps and requests, and written into the login's event
 * as the detail {@link #DETAIL}: support reads why a person landed where they did from the event.
 */
public final class DecisionPath {

  /** The event detail, and the authentication-session note it is gathered in. */
  public static final String DETAIL = "company_sso_path";

  private static final int MAX_LENGTH = 1000;

  private DecisionPath() {}

  /**
   * Adds one decision, {@code step=what}; a step taken again (a retried form) is recorded again.
   */
  public static void add(AuthenticationSessionModel authSession, String step, String what) {
    if (authSession == null) {
      return;
    }
    String path = authSession.getAuthNote(DETAIL);
    String next = (path == null ? "" : path + "; ") + step + "=" + what;
    authSession.setAuthNote(
        DETAIL, next.length() > MAX_LENGTH ? next.substring(0, MAX_LENGTH) : next);
  }

  /** The path so far, or null when no company step decided anything. */
  public static String of(AuthenticationSessionModel authSession) {
    return authSession == null ? null : authSession.getAuthNote(DETAIL);
  }
}
