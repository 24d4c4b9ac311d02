package dev.companysso.authenticator.access;

import dev.companysso.authenticator.company.StepBeforeUser;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;

/**
 * In the reset-credentials flow, right after "Choose User": a person whose company requires its
 * sign-in gets no reset e-mail and is sent to the company's identity provider; the name they
 * entered decides for an unknown account too, so the page reveals no account.
 */
final class SsoRequiredResetAuthenticator extends StepBeforeUser {

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
}
