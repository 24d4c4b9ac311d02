package dev.companysso.authenticator.discovery;

import org.keycloak.authentication.AuthenticationFlowContext;

/**
 * The rule for redirects to an identity provider that nobody chose on a page (a deep link, a {@code
 * login_hint}, a remembered company with auto-redirect): at most one per authentication session,
 * and none once the flow has come back with an error from an identity provider.
 *
 * <p>An IdP that refuses a person it has already signed in (Okta "not assigned", Entra AADSTS50105
 * or AADSTS65001) answers every new request with the same error at once, because it keeps its own
 * session; a second automatic redirect would loop. Keycloak's Identity Provider Redirector stops on
 * a forwarded error for the same reason. The flow then goes on to the login page, which shows the
 * IdP's message and offers the password form and the Single Sign-On page: a choice the person
 * makes.
 */
final class AutomaticRedirect {

  private static final String MADE_NOTE = "company-sso.automatic-redirect";

  private AutomaticRedirect() {}

  static boolean allowed(AuthenticationFlowContext context) {
    return context.getForwardedErrorMessage() == null
        && context.getAuthenticationSession().getAuthNote(MADE_NOTE) == null;
  }

  /** Remembers that this authentication session had its automatic redirect. */
  static void made(AuthenticationFlowContext context) {
    context.getAuthenticationSession().setAuthNote(MADE_NOTE, Boolean.TRUE.toString());
  }
}
