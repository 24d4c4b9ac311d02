package dev.companysso.identityproviders.entra;

import dev.companysso.identityproviders.FormProblem;
import dev.companysso.identityproviders.VendorEndpoints;
import dev.companysso.identityproviders.VendorOidcConfig;
import org.keycloak.models.IdentityProviderModel;

/**
 * The Entra ID form (tenant, cloud, client id and secret, allowed tenants, overrides) and the OIDC
 * settings that follow from it: endpoints, the pinned issuers, signature checks against Entra's
 * keys. Derived values are computed from the form each time they are read and never stored, so the
 * admin never types an endpoint and none can disagree with the tenant.
 */
public final class EntraIdConfig extends VendorOidcConfig {

  static final String TENANT_ID = "tenantId";
  static final String ALLOWED_TENANTS = "allowedTenants";
  static final String CLOUD = "cloud";
  static final String AUTHORITY_OVERRIDE = "authorityOverride";
  static final String GRAPH_OVERRIDE = "graphOverride";
  static final String FETCH_OVERAGE_GROUPS = "fetchOverageGroups";

  static final String DEFAULT_SCOPE = "openid profile email";

  public EntraIdConfig() {}

  public EntraIdConfig(IdentityProviderModel model) {
    super(model);
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

  /**
   * Graph's userinfo repeats the pairwise sub and names; the ID token already has them, so there is
   * no userinfo call. One tenant: Keycloak's own issuer check as well as ours. Several: ours alone,
   * so a refused tenant gets the themed message instead of Keycloak's generic error.
   */
  @Override
  protected VendorEndpoints endpoints() {
    if (getConfig().get(TENANT_ID) == null) {
      return null;
    }
    EntraTenancy tenancy = tenancy();
    return new VendorEndpoints(
        tenancy.isSingleTenant() ? tenancy.trustedIssuers() : "",
        tenancy.endpoint("/oauth2/v2.0/authorize"),
        tenancy.endpoint("/oauth2/v2.0/token"),
        null,
        tenancy.endpoint("/oauth2/v2.0/logout"),
        tenancy.endpoint("/discovery/v2.0/keys"),
        DEFAULT_SCOPE);
  }

  @Override
  protected void validateForm() {
    if (getClientId() == null || getClientId().isBlank()) {
      throw new FormProblem("clientId", "entra.clientIdMissing");
    }
    tenancy();
  }
}
