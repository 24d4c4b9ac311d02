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

  private static final List<ProviderConfigProperty> PROPERTIES =
      ProviderConfigurationBuilder.create()
          .property()
          .name(EntraIdConfig.TENANT_ID)
          .label("Tenant ID")
          .type(ProviderConfigProperty.STRING_TYPE)
          .helpText(
              "Directory (tenant) ID from Azure portal → Microsoft Entra ID → Overview, or a"
                  + " verified domain of the tenant. 'organizations' for a multi-tenant app, with"
                  + " Allowed tenants.")
          .add()
          .property()
          .name(EntraIdConfig.CLOUD)
          .label("Cloud")
          .type(ProviderConfigProperty.LIST_TYPE)
          .options(
              EntraCloud.GLOBAL.settingValue(),
              EntraCloud.US_GOVERNMENT.settingValue(),
              EntraCloud.CHINA.settingValue())
          .defaultValue(EntraCloud.GLOBAL.settingValue())
          .helpText("Microsoft's cloud of the tenant: global, US Government or China (21Vianet).")
          .add()
          .property()
          .name(EntraIdConfig.ALLOWED_TENANTS)
          .label("Allowed tenants")
          .type(ProviderConfigProperty.STRING_TYPE)
          .helpText(
              "Multi-tenant only: the tenant ids (GUIDs, comma-separated) whose users may sign"
                  + " in. Tokens of any other tenant are refused.")
          .add()
          .property()
          .name(EntraIdConfig.FETCH_OVERAGE_GROUPS)
          .label("Read all groups from Graph")
          .type(ProviderConfigProperty.BOOLEAN_TYPE)
          .defaultValue("true")
          .helpText(
              "When a user is in more groups than fit in a token (over 200), read the list from"
                  + " Microsoft Graph (needs the GroupMember.Read.All permission).")
          .add()
          .property()
          .name(EntraIdConfig.AUTHORITY_OVERRIDE)
          .label("Authority override (advanced)")
          .type(ProviderConfigProperty.STRING_TYPE)
          .helpText("Replaces the cloud's sign-in host, e.g. for a test double. Leave empty.")
          .add()
          .property()
          .name(EntraIdConfig.GRAPH_OVERRIDE)
          .label("Microsoft Graph override (advanced)")
          .type(ProviderConfigProperty.STRING_TYPE)
          .helpText("Replaces the cloud's Graph host, e.g. for a test double. Leave empty.")
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
