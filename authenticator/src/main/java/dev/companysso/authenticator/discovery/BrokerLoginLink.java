package dev.companysso.authenticator.discovery;

import java.net.URI;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.ClientSessionCode;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The address that continues the current login at an identity provider: what Keycloak puts behind
 * each sign-in button of its pages (the login's session code, tab and client data), for a page that
 * offers a sign-in Keycloak would not show, such as a company's, hidden on the login page.
 */
public final class BrokerLoginLink {

  private BrokerLoginLink() {}

  /**
   * @param loginHint the name to hand the provider, or null
   */
  public static String to(
      KeycloakSession session,
      RealmModel realm,
      AuthenticationSessionModel authSession,
      URI baseUri,
      String identityProviderAlias,
      String loginHint) {
    String code = new ClientSessionCode<>(session, realm, authSession).getOrGenerateCode();
    return Urls.identityProviderAuthnRequest(
            baseUri,
            identityProviderAlias,
            realm.getName(),
            code,
            authSession.getClient().getClientId(),
            authSession.getTabId(),
            AuthenticationProcessor.getClientData(session, authSession),
            loginHint)
        .toString();
  }
}
