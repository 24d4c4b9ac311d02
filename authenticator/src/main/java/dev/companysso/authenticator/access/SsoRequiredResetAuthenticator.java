package dev.companysso.authenticator.access;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * In the reset-credentials flow, right after "Choose User": a person whose company requires its
 * sign-in gets no reset e-mail and is sent to the company's identity provider; the name they
 * entered decides for an unknown account too, so the page reveals no account.
 */
final class SsoRequiredResetAuthenticator implements Authenticator {

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    String entered =
        context
            .getAuthenticationSession()
            .getAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
    if (!SsoRequiredRedirect.redirected(context, context.getUser(), entered, "reset")) {
      context.success();
    }
  }

  @Override
  public void action(AuthenticationFlowContext context) {
    authenticate(context);
  }

  @Override
  public boolean requiresUser() {
    return false;
  }

  @Override
  public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
    return true;
  }

  @Override
  public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    // none
  }

  @Override
  public void close() {
    // nothing held
  }
}
