package dev.companysso.userstorage.directory;

import dev.companysso.core.DefaultRoles;
import dev.companysso.core.admin.AdminRequests;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.storage.UserStorageProviderFactory;
import org.keycloak.storage.UserStorageProviderModel;
import org.keycloak.storage.user.ImportSynchronization;
import org.keycloak.storage.user.SynchronizationResult;

/**
 * A company's directory as a Keycloak user-storage provider with import synchronization, so the
 * admin console's "Synchronize all users" / "Synchronize changed users" and the periodic sync
 * settings drive it, and Keycloak runs each sync once per cluster. Subclasses bring the vendor:
 * settings, the API, what "active" means.
 */
public abstract class DirectoryProviderFactory
    implements UserStorageProviderFactory<DirectoryProvider>, ImportSynchronization {

  /** The identity-provider type of the same vendor ({@code okta}, {@code entra-id}). */
  public abstract String identityProviderType();

  /** Keycloak field → directory property, when the admin sets none. */
  protected abstract Map<String, String> defaultFieldMappings();

  protected abstract List<ProviderConfigProperty> vendorProperties();

  /**
   * The prefix of the vendor's admin-console message keys ({@code oktaDirectory}): settings whose
   * help names the vendor (its identity-provider type, its default field mappings) have a key per
   * vendor; the texts are in {@code theme-resources/messages/messages_*.properties}.
   */
  protected abstract String messageKeyPrefix();

  /**
   * Opens the vendor's API for the company; settings that cannot work throw an {@link
   * IllegalArgumentException} naming the field. Sends no request.
   */
  public abstract Directory open(KeycloakSession session, DirectoryConfig config);

  /** Whether a user in this status counts as active; null when the status is not known. */
  public abstract Boolean isActive(DirectoryConfig config, String status);

  public DirectoryConfig config(KeycloakSession session, ComponentModel model) {
    return DirectoryConfig.read(session, model, identityProviderType(), defaultFieldMappings());
  }

  @Override
  public DirectoryProvider create(KeycloakSession session, ComponentModel model) {
    return new DirectoryProvider();
  }

  /**
   * Refuses settings that cannot work when an admin saves them. A realm import is not checked here
   * (it creates the company after this component); a sync with bad settings fails with the same
   * message in its report.
   */
  @Override
  public void validateConfiguration(
      KeycloakSession session, RealmModel realm, ComponentModel model) {
    if (!AdminRequests.isComponentSave(session)) {
      return;
    }
    try {
      open(session, config(session, model));
    } catch (IllegalArgumentException e) {
      // "{0}": Keycloak runs the message through MessageFormat, which would eat the quotes.
      throw new ComponentValidationException("{0}", e.getMessage());
    }
  }

  /** The provider's users stay (they are ordinary users); what it kept about its runs goes. */
  @Override
  public void preRemove(KeycloakSession session, RealmModel realm, ComponentModel model) {
    SyncRecords.forget(realm, model.getId());
  }

  @Override
  public SynchronizationResult sync(
      KeycloakSessionFactory sessionFactory, String realmId, UserStorageProviderModel model) {
    return new DirectorySync(sessionFactory, realmId, model.getId(), this)
        .run(SyncMode.FULL, 0, false)
        .map(SyncReport::toResult)
        .orElseGet(SynchronizationResult::ignored);
  }

  @Override
  public SynchronizationResult syncSince(
      Date lastSync,
      KeycloakSessionFactory sessionFactory,
      String realmId,
      UserStorageProviderModel model) {
    long since = lastSync == null ? 0 : lastSync.getTime() / 1000;
    return new DirectorySync(sessionFactory, realmId, model.getId(), this)
        .run(SyncMode.CHANGED, since, false)
        .map(SyncReport::toResult)
        .orElseGet(SynchronizationResult::ignored);
  }

  // Labels and help texts are message keys: theme-resources/messages/messages_*.properties.
  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    List<ProviderConfigProperty> properties =
        new ArrayList<>(
            ProviderConfigurationBuilder.create()
                .property()
                .name(DirectoryConfig.IDENTITY_PROVIDER)
                .label(messageKeyPrefix() + "IdentityProvider")
                .helpText(messageKeyPrefix() + "IdentityProviderHelp")
                .type(ProviderConfigProperty.STRING_TYPE)
                .required(true)
                .add()
                .build());
    properties.addAll(companySettings());
    properties.addAll(
        ProviderConfigurationBuilder.create()
            .property()
            .name(DirectoryConfig.DEFAULT_ROLES)
            .label("directoryDefaultRoles")
            .helpText("directoryDefaultRolesHelp")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(DefaultRoles.FALLBACK)
            .add()
            .property()
            .name(FieldMappings.CONFIG)
            .label(messageKeyPrefix() + "FieldMappings")
            .helpText(messageKeyPrefix() + "FieldMappingsHelp")
            .type(ProviderConfigProperty.MAP_TYPE)
            .add()
            .build());
    return properties;
  }

  /**
   * The settings a company's IT admin keeps in the portal: how to reach their directory, whom to
   * import, the safety cap. The identity provider, the default roles and the field mappings stay
   * with the vendor (they decide what an imported person is given).
   */
  public List<ProviderConfigProperty> companySettings() {
    List<ProviderConfigProperty> properties = new ArrayList<>(vendorProperties());
    properties.addAll(
        ProviderConfigurationBuilder.create()
            .property()
            .name(DirectoryConfig.GROUP_FILTER)
            .label("directoryGroupFilter")
            .helpText("directoryGroupFilterHelp")
            .type(ProviderConfigProperty.STRING_TYPE)
            .add()
            .property()
            .name(DirectoryConfig.SAFETY_CAP_PERCENT)
            .label("directorySafetyCapPercent")
            .helpText("directorySafetyCapPercentHelp")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(String.valueOf(DirectoryConfig.DEFAULT_CAP_PERCENT))
            .add()
            .property()
            .name(DirectoryConfig.SAFETY_CAP_ALLOWANCE)
            .label("directorySafetyCapAllowance")
            .helpText("directorySafetyCapAllowanceHelp")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(String.valueOf(DirectoryConfig.DEFAULT_CAP_ALLOWANCE))
            .add()
            .build());
    return properties;
  }

  @Override
  public void init(org.keycloak.Config.Scope config) {
    // no server-wide settings
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    // nothing to wire
  }

  @Override
  public void close() {
    // nothing held
  }
}
