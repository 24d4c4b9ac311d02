package dev.companysso.userstorage.directory;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.keycloak.component.ComponentModel;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderModel;
import org.keycloak.util.JsonSerialization;

/**
 * A realm's directory providers as the admin API and the portal reach them: which belong to a
 * company (through its identity providers), their connection test, a full run, the last report.
 */
public final class Directories {

  private static final String EXECUTOR = "company-sso-directory-sync";

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
        .sorted(Comparator.comparing(ComponentModel::getName))
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

  /**
   * A full run started in the background (for the portal: a large directory takes longer than a
   * page may wait). The answer completes once the run is recorded as under way, with false when
   * another run of the provider holds it.
   */
  public static CompletableFuture<Boolean> startFull(
      KeycloakSession session, RealmModel realm, ComponentModel component, boolean force) {
    DirectoryProviderFactory factory = factoryOf(session, component).orElseThrow();
    return new DirectorySync(
            session.getKeycloakSessionFactory(), realm.getId(), component.getId(), factory)
        .start(
            session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR),
            SyncMode.FULL,
            component.get("lastSync", 0),
            force);
  }

  /** When the run of the provider under way started, if one is. */
  public static Optional<Instant> runningSince(RealmModel realm, ComponentModel component) {
    return SyncRecords.runningSince(realm, component.getId(), Instant.now());
  }

  /** The directory type that reads the users of an identity provider of this type, if any. */
  public static Optional<DirectoryProviderFactory> typeFor(
      KeycloakSession session, IdentityProviderModel identityProvider) {
    return session
        .getKeycloakSessionFactory()
        .getProviderFactoriesStream(UserStorageProvider.class)
        .filter(DirectoryProviderFactory.class::isInstance)
        .map(DirectoryProviderFactory.class::cast)
        .filter(f -> f.identityProviderType().equals(identityProvider.getProviderId()))
        .findFirst();
  }

  /**
   * A new provider of {@code type} for the company of {@code identityProvider}, not yet saved:
   * importing, enabled, not scheduled, with no settings of the vendor's own.
   */
  public static ComponentModel draft(
      RealmModel realm, DirectoryProviderFactory type, String identityProvider) {
    UserStorageProviderModel component = new UserStorageProviderModel();
    component.setName(identityProvider + " directory");
    component.setProviderId(type.getId());
    component.setProviderType(UserStorageProvider.class.getName());
    component.setParentId(realm.getId());
    component.setEnabled(true);
    component.setImportEnabled(true);
    component.setPriority(0);
    component.setFullSyncPeriod(-1);
    component.setChangedSyncPeriod(-1);
    component.put(DirectoryConfig.IDENTITY_PROVIDER, identityProvider);
    return component;
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
