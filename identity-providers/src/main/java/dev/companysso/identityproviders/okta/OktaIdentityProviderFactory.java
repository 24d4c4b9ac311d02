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

  // Labels and help texts are message keys: theme-resources/messages/messages_*.properties.
  private static final List<ProviderConfigProperty> PROPERTIES =
      ProviderConfigurationBuilder.create()
          .property()
          .name(OktaConfig.OKTA_DOMAIN)
          .label("oktaIdpOktaDomain")
          .type(ProviderConfigProperty.STRING_TYPE)
          .helpText("oktaIdpOktaDomainHelp")
          .add()
          .property()
          .name(OktaConfig.AUTHORIZATION_SERVER)
          .label("oktaIdpAuthorizationServer")
          .type(ProviderConfigProperty.STRING_TYPE)
          .helpText("oktaIdpAuthorizationServerHelp")
          .add()
          .property()
          .name(OktaConfig.GROUPS_API_TOKEN)
          .label("oktaIdpGroupsApiToken")
          .type(ProviderConfigProperty.PASSWORD)
          .secret(true)
          .helpText("oktaIdpGroupsApiTokenHelp")
          .add()
          .property()
          .name(OktaConfig.BASE_URL_OVERRIDE)
          .label("oktaIdpBaseUrlOverride")
          .type(ProviderConfigProperty.STRING_TYPE)
          .helpText("oktaIdpBaseUrlOverrideHelp")
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
