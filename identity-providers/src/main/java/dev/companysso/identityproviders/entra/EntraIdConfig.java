package dev.companysso.identityproviders.entra;

import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.RealmModel;

/**
 * The Entra ID form (tenant, cloud, client id and secret, allowed tenants, overrides) and the OIDC
 * settings that follow from it: endpoints, the pinned issuers, signature checks against Entra's
 * keys. Derived values are written into the config each time it is read, so the admin never types
 * an endpoint and a stored one can never disagree with the tenant.
 */
public final class EntraIdConfig extends OIDCIdentityProviderConfig {

  static final String TENANT_ID = "tenantId";
  static final String ALLOWED_TENANTS = "allowedTenants";
  static final String CLOUD = "cloud";
  static final String AUTHORITY_OVERRIDE = "authorityOverride";
  static final String GRAPH_OVERRIDE = "graphOverride";
  static final String FETCH_OVERAGE_GROUPS = "fetchOverageGroups";

  public EntraIdConfig() {}

  public EntraIdConfig(IdentityProviderModel model) {
    super(model);
    if (getConfig().get(TENANT_ID) != null) {
      applyDerived(tenancy());
    }
  }

  /** The tenancy of the settings; {@link IllegalArgumentException} names a bad field. */
  public EntraTenancy tenancy() {
    return EntraTenancy.of(
        getConfig().get(TENANT_ID),
        getConfig().get(ALLOWED_TENANTS),
        getConfig().get(CLOUD),
        getConfig().get(AUTHORITY_OVERRIDE),
        getConfig().get(GRAPH_OVERRIDE));
  }

  /** On by default: a user in more than 200 groups still gets all of them to the mappers. */
  public boolean isFetchOverageGroups() {
    return !"false".equals(getConfig().get(FETCH_OVERAGE_GROUPS));
  }

  @Override
  public void validate(RealmModel realm) {
    if (getClientId() == null || getClientId().isBlank()) {
      throw new IllegalArgumentException(
          "Client ID: the Application (client) ID of the app registration is required.");
    }
    applyDerived(tenancy());
    super.validate(realm);
  }

  private void applyDerived(EntraTenancy tenancy) {
    setAuthorizationUrl(tenancy.endpoint("/oauth2/v2.0/authorize"));
    setTokenUrl(tenancy.endpoint("/oauth2/v2.0/token"));
    setLogoutUrl(tenancy.endpoint("/oauth2/v2.0/logout"));
    setJwksUrl(tenancy.endpoint("/discovery/v2.0/keys"));
    setUseJwksUrl(true);
    setValidateSignature(true);
    // Graph's userinfo repeats the pairwise sub and names; the ID token already has them.
    setDisableUserInfoService(true);
    // One tenant: Keycloak's own issuer check as well as ours. Several: ours alone, so a refused
    // tenant gets the themed message instead of Keycloak's generic error.
    getConfig().put("issuer", tenancy.isSingleTenant() ? tenancy.trustedIssuers() : "");
    if (getDefaultScope() == null || getDefaultScope().isBlank()) {
      setDefaultScope("openid profile email");
    }
  }
}
