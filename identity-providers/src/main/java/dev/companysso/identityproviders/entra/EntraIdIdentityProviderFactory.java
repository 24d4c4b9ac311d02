package dev.companysso.identityproviders.entra;

import com.google.auto.service.AutoService;
import dev.companysso.core.ProviderIds;
import java.util.List;
import org.keycloak.broker.provider.AbstractIdentityProviderFactory;
import org.keycloak.broker.provider.IdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** "Microsoft Entra ID": the form Entra admins know, on Keycloak's OIDC broker. */
@AutoService(IdentityProviderFactory.class)
public final class EntraIdIdentityProviderFactory
    extends AbstractIdentityProviderFactory<EntraIdIdentityProvider> {

  public static final String PROVIDER_ID = ProviderIds.ENTRA_ID;

  // Labels and help texts are message keys: theme-resources/messages/messages_*.properties.
  private static final List<ProviderConfigProperty> PROPERTIES =
      ProviderConfigurationBuilder.create()
          .property()
          .name(EntraIdConfig.TENANT_ID)
          .label("entraIdpTenantId")
          .type(ProviderConfigProperty.STRING_TYPE)
          .helpText("entraIdpTenantIdHelp")
          .add()
          .property()
          .name(EntraIdConfig.CLOUD)
          .label("entraIdpCloud")
          .type(ProviderConfigProperty.LIST_TYPE)
          .options(
              EntraCloud.GLOBAL.settingValue(),
              EntraCloud.US_GOVERNMENT.settingValue(),
              EntraCloud.CHINA.settingValue())
          .defaultValue(EntraCloud.GLOBAL.settingValue())
          .helpText("entraIdpCloudHelp")
          .add()
          .property()
          .name(EntraIdConfig.ALLOWED_TENANTS)
          .label("entraIdpAllowedTenants")
          .type(ProviderConfigProperty.STRING_TYPE)
          .helpText("entraIdpAllowedTenantsHelp")
          .add()
          .property()
          .name(EntraIdConfig.FETCH_OVERAGE_GROUPS)
          .label("entraIdpFetchOverageGroups")
          .type(ProviderConfigProperty.BOOLEAN_TYPE)
          .defaultValue("true")
          .helpText("entraIdpFetchOverageGroupsHelp")
          .add()
          .property()
          .name(EntraIdConfig.AUTHORITY_OVERRIDE)
          .label("entraIdpAuthorityOverride")
          .type(ProviderConfigProperty.STRING_TYPE)
          .helpText("entraIdpAuthorityOverrideHelp")
          .add()
          .property()
          .name(EntraIdConfig.GRAPH_OVERRIDE)
          .label("entraIdpGraphOverride")
          .type(ProviderConfigProperty.STRING_TYPE)
          .helpText("entraIdpGraphOverrideHelp")
          .add()
          .build();

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public String getName() {
    return "Microsoft Entra ID";
  }

  @Override
  public EntraIdIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
    return new EntraIdIdentityProvider(session, new EntraIdConfig(model));
  }

  @Override
  public EntraIdConfig createConfig() {
    return new EntraIdConfig();
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return PROPERTIES;
  }
}
