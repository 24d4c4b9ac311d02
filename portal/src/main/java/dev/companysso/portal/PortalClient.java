package dev.companysso.portal;

import java.util.Set;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

/**
 * The realm's client {@code company-sso-portal}: what the portal's changes are recorded against in
 * the admin events, and (for a company's Owners) the client they sign in to the portal with.
 * Created with the realm's first setup link when the realm export did not bring it.
 */
public final class PortalClient {

  public static final String CLIENT_ID = "company-sso-portal";

  private PortalClient() {}

  public static ClientModel ensure(RealmModel realm) {
    ClientModel client = realm.getClientByClientId(CLIENT_ID);
    if (client != null) {
      return client;
    }
    client = realm.addClient(CLIENT_ID);
    client.setName("Company SSO portal");
    client.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
    client.setPublicClient(true);
    client.setStandardFlowEnabled(true);
    client.setDirectAccessGrantsEnabled(false);
    client.setImplicitFlowEnabled(false);
    client.setFullScopeAllowed(false);
    client.setRootUrl("${authBaseUrl}");
    client.setBaseUrl(PortalUrls.path(realm));
    client.setRedirectUris(Set.of(PortalUrls.path(realm) + "/*"));
    client.setAttribute("pkce.code.challenge.method", "S256");
    return client;
  }
}
