package dev.companysso.identityproviders.okta;

import dev.companysso.identityproviders.AdminRequests;
import java.io.IOException;
import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * The Okta form (Okta domain, authorization server, client id and secret) and the OIDC settings
 * that follow from it, written into the config whenever it is read.
 */
public final class OktaConfig extends OIDCIdentityProviderConfig {

  static final String OKTA_DOMAIN = "oktaDomain";
  static final String AUTHORIZATION_SERVER = "authorizationServer";
  static final String BASE_URL_OVERRIDE = "baseUrlOverride";
  static final String GROUPS_API_TOKEN = "groupsApiToken";

  public OktaConfig() {}

  public OktaConfig(IdentityProviderModel model) {
    super(model);
    if (getConfig().get(OKTA_DOMAIN) != null) {
      applyDerived(server());
    }
  }

  /** The SSWS token for the groups API as stored: a value or a vault reference. */
  public String getGroupsApiToken() {
    return getConfig().get(GROUPS_API_TOKEN);
  }

  public OktaOrgServer server() {
    return OktaOrgServer.of(
        getConfig().get(OKTA_DOMAIN),
        getConfig().get(AUTHORIZATION_SERVER),
        getConfig().get(BASE_URL_OVERRIDE));
  }

  /**
   * Checks the form, and when an admin saves it through the admin API (not at realm import, which
   * must not depend on Okta being reachable), that Okta's discovery answers.
   */
  @Override
  public void validate(RealmModel realm) {
    if (getClientId() == null || getClientId().isBlank()) {
      throw new IllegalArgumentException(
          "Client ID: the Client ID of the Okta app integration (General tab) is required.");
    }
    OktaOrgServer server = server();
    applyDerived(server);
    super.validate(realm);
    KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
    if (session != null && AdminRequests.isAdminApi(session, "/admin/realms/")) {
      checkDiscovery(session, server);
    }
  }

  private static void checkDiscovery(KeycloakSession session, OktaOrgServer server) {
    String url = server.discovery();
    try (SimpleHttpResponse response = SimpleHttp.create(session).doGet(url).asResponse()) {
      if (response.getStatus() == 404) {
        throw new IllegalArgumentException(
            "Okta domain: "
                + url
                + " answered 404. Use the org's primary Okta domain (acme.okta.com), not a"
                + " custom or Admin Console domain, and check the authorization server id.");
      }
      if (response.getStatus() != 200) {
        throw new IllegalArgumentException(
            "Okta domain: " + url + " answered " + response.getStatus() + ".");
      }
      String issuer = response.asJson().path("issuer").asText();
      if (!issuer.equals(server.issuer())) {
        throw new IllegalArgumentException(
            "Okta domain: discovery names the issuer "
                + issuer
                + ", not "
                + server.issuer()
                + ". Use the domain the issuer names.");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Okta domain: " + url + " could not be reached (" + e.getMessage() + ").");
    }
  }

  private void applyDerived(OktaOrgServer server) {
    getConfig().put("issuer", server.issuer());
    setAuthorizationUrl(server.endpoint("authorize"));
    setTokenUrl(server.endpoint("token"));
    setUserInfoUrl(server.endpoint("userinfo"));
    setLogoutUrl(server.endpoint("logout"));
    setJwksUrl(server.endpoint("keys"));
    setUseJwksUrl(true);
    setValidateSignature(true);
    if (getDefaultScope() == null || getDefaultScope().isBlank()) {
      setDefaultScope("openid profile email groups");
    }
  }
}
