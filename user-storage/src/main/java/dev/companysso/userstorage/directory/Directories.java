package dev.companysso.userstorage.directory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.util.JsonSerialization;

/**
 * A realm's directory providers as the admin API and the portal reach them: which belong to a
 * company (through its identity providers), their connection test, a full run, the last report.
 */
public final class Directories {

  private Directories() {}

  /** The directory provider type of a component, if it is one. */
  public static Optional<DirectoryProviderFactory> factoryOf(
      KeycloakSession session, ComponentModel component) {
    if (component == null
        || !UserStorageProvider.class.getName().equals(component.getProviderType())) {
      return Optional.empty();
    }
    return Optional.ofNullable(
            session
                .getKeycloakSessionFactory()
                .getProviderFactory(UserStorageProvider.class, component.getProviderId()))
        .filter(DirectoryProviderFactory.class::isInstance)
        .map(DirectoryProviderFactory.class::cast);
  }

  /** The directory providers that import for {@code company}, by name. */
  public static List<ComponentModel> ofCompany(
      KeycloakSession session, RealmModel realm, OrganizationModel company) {
    Set<String> aliases =
        company
            .getIdentityProviders()
            .map(IdentityProviderModel::getAlias)
            .collect(Collectors.toSet());
    return realm
        .getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
        .filter(component -> factoryOf(session, component).isPresent())
        .filter(
            component ->
                aliases.contains(component.get(DirectoryConfig.IDENTITY_PROVIDER, "").strip()))
        .sorted(java.util.Comparator.comparing(ComponentModel::getName))
        .toList();
  }

  /** The settings check and the vendor's answers to the calls a run makes. */
  public static List<DirectoryCheck> test(KeycloakSession session, ComponentModel component) {
    DirectoryProviderFactory factory = factoryOf(session, component).orElseThrow();
    List<DirectoryCheck> checks = new ArrayList<>();
    try {
      Directory directory = factory.open(session, factory.config(session, component));
      checks.add(new DirectoryCheck("settings", true, "The settings are complete."));
      checks.addAll(directory.testConnection());
    } catch (IllegalArgumentException e) {
      checks.add(new DirectoryCheck("settings", false, e.getMessage()));
    }
    return checks;
  }

  /**
   * A full run now, in this thread; {@code force} lets it pass the safety cap. Empty when a run of
   * the provider is already under way (on any node).
   */
  public static Optional<SyncReport> runFull(
      KeycloakSession session, RealmModel realm, ComponentModel component, boolean force) {
    DirectoryProviderFactory factory = factoryOf(session, component).orElseThrow();
    return new DirectorySync(
            session.getKeycloakSessionFactory(), realm.getId(), component.getId(), factory)
        .run(SyncMode.FULL, component.get("lastSync", 0), force);
  }

  /** The last run's report, if the provider has run. */
  public static Optional<SyncReport> lastReport(RealmModel realm, ComponentModel component) {
    return SyncRecords.lastReport(realm, component.getId())
        .map(
            json -> {
              try {
                return JsonSerialization.readValue(json, SyncReport.class);
              } catch (IOException e) {
                throw new IllegalStateException("The last sync report is unreadable", e);
              }
            });
  }
}
