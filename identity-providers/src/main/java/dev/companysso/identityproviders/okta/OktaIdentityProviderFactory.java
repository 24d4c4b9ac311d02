package dev.companysso.identityproviders.okta;

import com.google.auto.service.AutoService;
import dev.companysso.core.ProviderIds;
import java.util.List;
import org.keycloak.broker.provider.AbstractIdentityProviderFactory;
import org.keycloak.broker.provider.IdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * "Okta": the form Okta admins know, on Keycloak's OIDC broker. The account is keyed on {@code
 * sub}, Okta's user id ({@code 00u…}) at the org server; the issuer is pinned to the chosen server.
 */
@AutoService(IdentityProviderFactory.class)
public final class OktaIdentityProviderFactory
    extends AbstractIdentityProviderFactory<OktaIdentityProvider> {

  public static final String PROVIDER_ID = ProviderIds.OKTA;

  private static final List<ProviderConfigProperty> PROPERTIES =
      ProviderConfigurationBuilder.create()
          .property()
          .name(OktaConfig.OKTA_DOMAIN)
          .label("Okta domain")
          .type(ProviderConfigProperty.STRING_TYPE)
          .helpText(
              "The org's primary Okta domain, such as acme.okta.com (not acme-admin.okta.com).")
          .add()
          .property()
          .name(OktaConfig.AUTHORIZATION_SERVER)
          .label("Authorization server")
          .type(ProviderConfigProperty.STRING_TYPE)
          .helpText(
              "Empty for the org authorization server; else the id of a custom authorization"
                  + " server (Security → API → Authorization Servers), such as default.")
          .add()
          .property()
          .name(OktaConfig.GROUPS_API_TOKEN)
          .label("Groups API token (optional)")
          .type(ProviderConfigProperty.PASSWORD)
          .secret(true)
          .helpText(
              "An API token of a read-only admin (Security → API → Tokens), or a vault reference"
                  + " such as ${vault.okta_api_token}. When set, a user's groups are read from the"
                  + " Okta API whenever the token has no groups claim or a full one (100 groups).")
          .add()
          .property()
          .name(OktaConfig.BASE_URL_OVERRIDE)
          .label("Base URL override (advanced)")
          .type(ProviderConfigProperty.STRING_TYPE)
          .helpText("Replaces https://{Okta domain}, e.g. for a test double. Leave empty.")
          .add()
          .build();

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public String getName() {
    return "Okta";
  }

  @Override
  public OktaIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
    return new OktaIdentityProvider(session, new OktaConfig(model));
  }

  @Override
  public OktaConfig createConfig() {
    return new OktaConfig();
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return PROPERTIES;
  }
}
