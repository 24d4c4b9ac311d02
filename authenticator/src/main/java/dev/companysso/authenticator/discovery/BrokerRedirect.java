package dev.companysso.authenticator.discovery;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.IdentityProviderAuthenticator;

/**
 * Sends the browser to an identity provider the way Keycloak's own Identity Provider Redirector
 * does (session code, tab id, client data, {@code prompt=none} forwarding), by reusing it.
 */
public final class BrokerRedirect extends IdentityProviderAuthenticator {

  public static final BrokerRedirect INSTANCE = new BrokerRedirect();

  private BrokerRedirect() {}

  public void to(
      AuthenticationFlowContext context, String identityProviderAlias, String loginHint) {
    redirect(context, identityProviderAlias, loginHint);
  }
}
