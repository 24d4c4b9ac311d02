package dev.companysso.userstorage.directory.okta;

import com.google.auto.service.AutoService;
import dev.companysso.core.ProviderIds;
import dev.companysso.identityproviders.okta.OktaConfig;
import dev.companysso.userstorage.directory.Directory;
import dev.companysso.userstorage.directory.DirectoryConfig;
import dev.companysso.userstorage.directory.DirectoryProblem;
import dev.companysso.userstorage.directory.DirectoryProviderFactory;
import dev.companysso.userstorage.directory.Secrets;
import dev.companysso.userstorage.directory.http.ApiClient;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.keycloak.common.util.PemUtils;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.storage.UserStorageProviderFactory;

/**
 * {@code okta-directory}: imports an Okta org's users with an admin API token or an API service
 * app's client credentials ({@code private_key_jwt}). The org is the one of the company's {@code
 * okta} identity provider.
 */
@AutoService(UserStorageProviderFactory.class)
public final class OktaDirectoryProviderFactory extends DirectoryProviderFactory {

  public static final String ID = "okta-directory";

  static final String AUTHENTICATION = "authentication";
  static final String API_TOKEN_AUTH = "api-token";
  static final String SERVICE_APP_AUTH = "private-key-jwt";
  static final String API_TOKEN = "apiToken";
  static final String SERVICE_CLIENT_ID = "serviceClientId";
  static final String PRIVATE_KEY = "privateKey";
  static final String KEY_ID = "keyId";
  static final String ACTIVE_STATUSES = "activeStatuses";

  /** The statuses counted as active by default: those in which Okta lets a user sign in. */
  static final List<String> DEFAULT_ACTIVE =
      List.of("ACTIVE", "PASSWORD_EXPIRED", "LOCKED_OUT", "RECOVERY");

  private static final List<String> STATUSES =
      List.of(
          "ACTIVE",
          "PASSWORD_EXPIRED",
          "LOCKED_OUT",
          "RECOVERY",
          "STAGED",
          "PROVISIONED",
          "SUSPENDED",
          "DEPROVISIONED");

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public String getHelpText() {
    return "Imports a company's users from Okta and disables those who leave or stop being active.";
  }

  @Override
  public String identityProviderType() {
    return ProviderIds.OKTA;
  }

  @Override
  protected String messageKeyPrefix() {
    return "oktaDirectory";
  }

  @Override
  protected Map<String, String> defaultFieldMappings() {
    return Map.of(
        "firstName", "firstName",
        "lastName", "lastName",
        "email", "email",
        "middleName", "middleName",
        "preferredName", "nickName",
        "department", "department");
  }

  @Override
  public Directory open(KeycloakSession session, DirectoryConfig config) {
    String base = new OktaConfig(config.identityProvider()).server().base();
    Clock clock = Clock.systemUTC();
    ApiClient.Credentials credentials =
        switch (config.setting(AUTHENTICATION).isEmpty()
            ? API_TOKEN_AUTH
            : config.setting(AUTHENTICATION)) {
          case API_TOKEN_AUTH -> apiToken(session, config);
          case SERVICE_APP_AUTH ->
              new OktaServiceAppToken(
                  base + "/oauth2/v1/token",
                  serviceClientId(config),
                  privateKey(session, config),
                  config.setting(KEY_ID),
                  clock);
          default -> throw new DirectoryProblem(AUTHENTICATION, "okta.authenticationInvalid");
        };
    activeStatuses(config);
    return new OktaDirectory(
        new ApiClient(session, "Okta", base, credentials, clock),
        base,
        config.fieldMappings(),
        clock);
  }

  @Override
  public Boolean isActive(DirectoryConfig config, String status) {
    return status == null ? null : activeStatuses(config).contains(status);
  }

  private static OktaApiToken apiToken(KeycloakSession session, DirectoryConfig config) {
    String token = Secrets.resolve(session, config.setting(API_TOKEN));
    if (token.isEmpty()) {
      throw new DirectoryProblem(API_TOKEN, "okta.apiTokenEmpty");
    }
    return new OktaApiToken(token);
  }

  private static PrivateKey privateKey(KeycloakSession session, DirectoryConfig config) {
    String pem = Secrets.resolve(session, config.setting(PRIVATE_KEY));
    if (pem.isEmpty()) {
      throw new DirectoryProblem(PRIVATE_KEY, "okta.privateKeyEmpty");
    }
    try {
      return PemUtils.decodePrivateKey(pem);
    } catch (RuntimeException e) {
      throw new DirectoryProblem(PRIVATE_KEY, "okta.privateKeyInvalid");
    }
  }

  private static Set<String> activeStatuses(DirectoryConfig config) {
    Set<String> configured = config.settings(ACTIVE_STATUSES);
    Set<String> statuses =
        configured.isEmpty()
            ? Set.copyOf(DEFAULT_ACTIVE)
            : Set.copyOf(configured.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList());
    for (String status : statuses) {
      if (!STATUSES.contains(status)) {
        throw new DirectoryProblem(ACTIVE_STATUSES, "okta.statusInvalid", status, STATUSES);
      }
    }
    return statuses;
  }

  private static String serviceClientId(DirectoryConfig config) {
    String value = config.setting(SERVICE_CLIENT_ID);
    if (value.isEmpty()) {
      throw new DirectoryProblem(SERVICE_CLIENT_ID, "okta.serviceClientIdEmpty");
    }
    return value;
  }

  // Labels and help texts are message keys: theme-resources/messages/messages_*.properties.
  @Override
  protected List<ProviderConfigProperty> vendorProperties() {
    return ProviderConfigurationBuilder.create()
        .property()
        .name(AUTHENTICATION)
        .label("oktaDirectoryAuthentication")
        .helpText("oktaDirectoryAuthenticationHelp")
        .type(ProviderConfigProperty.LIST_TYPE)
        .options(API_TOKEN_AUTH, SERVICE_APP_AUTH)
        .defaultValue(API_TOKEN_AUTH)
        .add()
        .property()
        .name(API_TOKEN)
        .label("oktaDirectoryApiToken")
        .helpText("oktaDirectoryApiTokenHelp")
        .type(ProviderConfigProperty.PASSWORD)
        .secret(true)
        .add()
        .property()
        .name(SERVICE_CLIENT_ID)
        .label("oktaDirectoryServiceClientId")
        .helpText("oktaDirectoryServiceClientIdHelp")
        .type(ProviderConfigProperty.STRING_TYPE)
        .add()
        .property()
        .name(PRIVATE_KEY)
        .label("oktaDirectoryPrivateKey")
        .helpText("oktaDirectoryPrivateKeyHelp")
        .type(ProviderConfigProperty.PASSWORD)
        .secret(true)
        .add()
        .property()
        .name(KEY_ID)
        .label("oktaDirectoryKeyId")
        .helpText("oktaDirectoryKeyIdHelp")
        .type(ProviderConfigProperty.STRING_TYPE)
        .add()
        .property()
        .name(ACTIVE_STATUSES)
        .label("oktaDirectoryActiveStatuses")
        .helpText("oktaDirectoryActiveStatusesHelp")
        .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
        .options(STATUSES)
        .defaultValue(String.join("##", DEFAULT_ACTIVE))
        .add()
        .build();
  }
}
