package dev.companysso.portal.sso;

import dev.companysso.identityproviders.entra.EntraIdConfig;
import dev.companysso.identityproviders.okta.OktaConfig;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

/**
 * The identity provider a company's portal settings make: its alias, its type's form, and the
 * options docs/add-a-company.md recommends (hidden on the login page, login_hint passed on, PKCE,
 * mappers applied at every login). Validated by the type itself, as an admin's save is.
 */
public final class SsoConnection {

  /**
   * Realm attributes that send portal-made connections to test doubles instead of Okta and
   * Microsoft (the demo and the tests point them at the simulators): the Okta base URL with {@code
   * {org}} for the Okta subdomain, and the Entra authority.
   */
  public static final String OKTA_BASE_URL_ATTRIBUTE = "companySso.portal.oktaBaseUrl";

  public static final String ENTRA_AUTHORITY_ATTRIBUTE = "companySso.portal.entraAuthority";

  private final RealmModel realm;
  private final OrganizationModel company;

  public SsoConnection(RealmModel realm, OrganizationModel company) {
    this.realm = realm;
    this.company = company;
  }

  /**
   * The alias of the company's provider of this vendor: the one already linked to the company, or
   * {@code <company code>-<vendor>} (the redirect URI contains it, so it never changes after).
   */
  public String alias(Vendor vendor) {
    return linked(vendor)
        .map(IdentityProviderModel::getAlias)
        .orElse(company.getAlias().toLowerCase(Locale.ROOT) + "-" + vendor.providerId());
  }

  /** The company's linked provider of this vendor, if it has one. */
  public Optional<IdentityProviderModel> linked(Vendor vendor) {
    return company
        .getIdentityProviders()
        .filter(idp -> idp.getProviderId().equals(vendor.providerId()))
        .findFirst();
  }

  /** The provider the draft describes, not stored. */
  public IdentityProviderModel model(SsoDraft draft) {
    Vendor vendor = draft.vendor();
    IdentityProviderModel model = new IdentityProviderModel();
    model.setAlias(alias(vendor));
    model.setProviderId(vendor.providerId());
    model.setDisplayName(company.getName());
    model.setOrganizationId(company.getId());
    model.setHideOnLogin(true);
    model.setEnabled(false);
    Map<String, String> config = new HashMap<>();
    draft
        .settings()
        .forEach(
            (field, value) -> {
              if (value != null && !value.isBlank()) {
                config.put(field, value.strip());
              }
            });
    config.put("loginHint", "true");
    config.put("pkceEnabled", "true");
    config.put("pkceMethod", "S256");
    config.put("clientAuthMethod", "client_secret_post");
    model.setConfig(config);
    model.setSyncMode(IdentityProviderSyncMode.FORCE);
    testDouble(vendor, draft, config);
    return model;
  }

  /**
   * Checks the settings as the provider type does when an admin saves it; the message names the
   * field (e.g. "Okta domain: …").
   *
   * @throws IllegalArgumentException what is wrong and how to fix it
   */
  public void validate(IdentityProviderModel model) {
    switch (Vendor.of(model.getProviderId()).orElseThrow()) {
      case OKTA -> new OktaConfig(model).validate(realm);
      case ENTRA_ID -> new EntraIdConfig(model).validate(realm);
    }
  }

  private void testDouble(Vendor vendor, SsoDraft draft, Map<String, String> config) {
    switch (vendor) {
      case OKTA ->
          Optional.ofNullable(realm.getAttribute(OKTA_BASE_URL_ATTRIBUTE))
              .filter(url -> !url.isBlank())
              .ifPresent(
                  url ->
                      config.put(
                          "baseUrlOverride",
                          url.replaceFirst("/+$", "") + "/" + oktaOrg(draft.get("oktaDomain"))));
      case ENTRA_ID ->
          Optional.ofNullable(realm.getAttribute(ENTRA_AUTHORITY_ATTRIBUTE))
              .filter(url -> !url.isBlank())
              .ifPresent(url -> config.put("authorityOverride", url));
    }
  }

  /** {@code acme} of {@code acme.okta.com}. */
  private static String oktaOrg(String domain) {
    String host = domain.strip().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "");
    int dot = host.indexOf('.');
    return dot < 0 ? host : host.substring(0, dot);
  }
}
