package dev.companysso.userstorage.directory.graph;

import com.google.auto.service.AutoService;
import dev.companysso.core.ProviderIds;
import dev.companysso.identityproviders.entra.EntraIdConfig;
import dev.companysso.identityproviders.entra.EntraTenancy;
import dev.companysso.userstorage.directory.Directory;
import dev.companysso.userstorage.directory.DirectoryConfig;
import dev.companysso.userstorage.directory.DirectoryProblem;
import dev.companysso.userstorage.directory.DirectoryProviderFactory;
import dev.companysso.userstorage.directory.DirectoryUser;
import dev.companysso.userstorage.directory.Secrets;
import dev.companysso.userstorage.directory.http.ApiClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.storage.UserStorageProviderFactory;

/**
 * {@code entra-directory}: imports a Microsoft Entra ID tenant's users through Microsoft Graph with
 * the app registration's client credentials (application permissions User.Read.All and
 * GroupMember.Read.All). Tenant, cloud and app default to the company's {@code entra-id} identity
 * provider's.
 */
@AutoService(UserStorageProviderFactory.class)
public final class EntraDirectoryProviderFactory extends DirectoryProviderFactory {

  public static final String ID = "entra-directory";

  static final String TENANT_ID = "tenantId";
  static final String CLIENT_ID = "clientId";
  static final String CLIENT_SECRET = "clientSecret";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public String getHelpText() {
    return "Imports a company's users from Microsoft Entra ID (Graph) and disables those who are"
        + " removed or disabled there.";
  }

  @Override
  public String identityProviderType() {
    return ProviderIds.ENTRA_ID;
  }

  @Override
  protected String messageKeyPrefix() {
    return "entraDirectory";
  }

  @Override
  protected Map<String, String> defaultFieldMappings() {
    return Map.of(
        "firstName", "givenName",
        "lastName", "surname",
        "email", "mail",
        "department", "department");
  }

  @Override
  public Directory open(KeycloakSession session, DirectoryConfig config) {
    EntraTenancy tenancy = new EntraIdConfig(config.identityProvider()).tenancy();
    String tenant =
        config.setting(TENANT_ID).isEmpty() ? tenancy.tenant() : config.setting(TENANT_ID);
    if (!config.setting(TENANT_ID).isEmpty() || !tenancy.isSingleTenant()) {
      if (tenant.isEmpty() || tenant.equals("organizations") || tenant.equals("common")) {
        throw new DirectoryProblem(TENANT_ID, "entra.tenantRequired");
      }
    }
    String clientId =
        config.setting(CLIENT_ID).isEmpty()
            ? config.identityProvider().getConfig().get("clientId")
            : config.setting(CLIENT_ID);
    String secret =
        Secrets.resolve(
            session,
            config.setting(CLIENT_SECRET).isEmpty()
                ? config.identityProvider().getConfig().get("clientSecret")
                : config.setting(CLIENT_SECRET));
    if (clientId == null || clientId.isBlank() || secret.isEmpty()) {
      throw new DirectoryProblem(CLIENT_SECRET, "entra.credentialsEmpty");
    }
    Clock clock = Clock.systemUTC();
    GraphAppToken token =
        new GraphAppToken(
            tenancy.authority() + "/" + tenant + "/oauth2/v2.0/token",
            tenancy.graph(),
            clientId,
            secret,
            clock);
    return new GraphDirectory(
        new ApiClient(session, "Microsoft Graph", tenancy.graph(), token, clock),
        tenancy.graph(),
        config.fieldMappings());
  }

  @Override
  public Boolean isActive(DirectoryConfig config, String status) {
    if (status == null) {
      return null;
    }
    return switch (status) {
      case "enabled" -> true;
      case "disabled", DirectoryUser.REMOVED -> false;
      default -> null;
    };
  }

  // Labels and help texts are message keys: theme-resources/messages/messages_*.properties.
  @Override
  protected List<ProviderConfigProperty> vendorProperties() {
    return ProviderConfigurationBuilder.create()
        .property()
        .name(TENANT_ID)
        .label("entraDirectoryTenantId")
        .helpText("entraDirectoryTenantIdHelp")
        .type(ProviderConfigProperty.STRING_TYPE)
        .add()
        .property()
        .name(CLIENT_ID)
        .label("entraDirectoryClientId")
        .helpText("entraDirectoryClientIdHelp")
        .type(ProviderConfigProperty.STRING_TYPE)
        .add()
        .property()
        .name(CLIENT_SECRET)
        .label("entraDirectoryClientSecret")
        .helpText("entraDirectoryClientSecretHelp")
        .type(ProviderConfigProperty.PASSWORD)
        .secret(true)
        .add()
        .build();
  }
}
