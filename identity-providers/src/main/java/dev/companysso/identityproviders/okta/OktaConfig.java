package dev.companysso.identityproviders.okta;

import dev.companysso.core.admin.AdminRequests;
import dev.companysso.identityproviders.FormProblem;
import dev.companysso.identityproviders.VendorEndpoints;
import dev.companysso.identityproviders.VendorOidcConfig;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.utils.KeycloakSessionUtil;

/** The Okta form (Okta domain, authorization server, client id and secret). */
public final class OktaConfig extends VendorOidcConfig {

  static final String OKTA_DOMAIN = "oktaDomain";
  static final String AUTHORIZATION_SERVER = "authorizationServer";
  static final String BASE_URL_OVERRIDE = "baseUrlOverride";
  static final String GROUPS_API_TOKEN = "groupsApiToken";

  static final String DEFAULT_SCOPE = "openid profile email groups";

  public OktaConfig() {}

  public OktaConfig(IdentityProviderModel model) {
    super(model);
  }

  /** The SSWS token for the groups API as stored: a value or a vault reference. */
  public String getGroupsApiToken() {
    return getConfig().get(GROUPS_API_TOKEN);
  }

  /** The org and authorization server; {@link IllegalArgumentException} names a bad field. */
  public OktaOrgServer server() {
    return OktaOrgServer.of(
        getConfig().get(OKTA_DOMAIN),
        getConfig().get(AUTHORIZATION_SERVER),
        getConfig().get(BASE_URL_OVERRIDE));
  }

  @Override
  protected VendorEndpoints endpoints() {
    if (getConfig().get(OKTA_DOMAIN) == null) {
      return null;
    }
    OktaOrgServer server = server();
    return new VendorEndpoints(
        server.issuer(),
        server.endpoint("authorize"),
        server.endpoint("token"),
        server.endpoint("userinfo"),
        server.endpoint("logout"),
        server.endpoint("keys"),
        DEFAULT_SCOPE);
  }

  @Override
  protected void validateForm() {
    if (getClientId() == null || getClientId().isBlank()) {
      throw new FormProblem("clientId", "okta.clientIdMissing");
    }
    server();
  }

  /**
   * Also checks, when an admin saves the form (not at a realm import, which must not depend on Okta
   * being reachable), that Okta's discovery answers for it.
   */
  @Override
  public void validate(RealmModel realm) {
    super.validate(realm);
    KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
    if (session != null && AdminRequests.isIdentityProviderSave(session)) {
      OktaDiscoveryCheck.verify(session, server());
    }
  }
}
