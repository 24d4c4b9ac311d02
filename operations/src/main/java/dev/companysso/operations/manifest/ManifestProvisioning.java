package dev.companysso.operations.manifest;

import dev.companysso.core.CompanyAttributes;
import dev.companysso.core.text.FieldProblem;
import dev.companysso.operations.manifest.CompanyManifest.Provisioning;
import dev.companysso.userstorage.directory.Directories;
import dev.companysso.userstorage.directory.DirectoryConfig;
import dev.companysso.userstorage.directory.DirectoryProviderFactory;
import dev.companysso.userstorage.scim.ScimSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderModel;

/**
 * The provisioning section of a manifest: SCIM's settings (organization attributes) and the
 * company's directory syncs (user storage components), checked by their type as the portal checks
 * them, created or updated by name. Directories the manifest does not name are left alone, and
 * secrets are references as for identity providers.
 */
final class ManifestProvisioning {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final SecretReferences secrets;

  ManifestProvisioning(
      KeycloakSession session, RealmModel realm, Function<String, String> environment) {
    this.session = session;
    this.realm = realm;
    this.secrets = new SecretReferences(environment);
  }

  /**
   * @param listedProviders the aliases of the identity providers the same manifest lists
   */
  void check(
      Provisioning wanted,
      Set<String> listedProviders,
      OrganizationModel company,
      ManifestProblems problems) {
    Set<String> providers = new HashSet<>();
    for (String alias : listedProviders) {
      IdentityProviderModel stored = session.identityProviders().getByAlias(alias);
      if (stored == null
          || (company != null && company.getId().equals(stored.getOrganizationId()))) {
        providers.add(alias);
      }
    }
    if (company != null) {
      company.getIdentityProviders().forEach(provider -> providers.add(provider.getAlias()));
    }
    if (wanted.scim() != null) {
      checkScim(wanted.scim(), providers, problems);
    }
    if (wanted.directories() != null) {
      Set<String> names = new HashSet<>();
      for (int i = 0; i < wanted.directories().size(); i++) {
        Provisioning.Directory directory = wanted.directories().get(i);
        String path = "provisioning.directories[" + i + "]";
        if (directory.name() != null && !names.add(directory.name())) {
          problems.add(path + ".name", directory.name() + " is listed twice");
        } else if (directory.name() != null && directory.type() != null) {
          checkDirectory(directory, path, providers, company, problems);
        }
      }
    }
  }

  void plan(Provisioning wanted, OrganizationModel current, ManifestPlan plan) {
    if (wanted.scim() != null) {
      planScim(wanted.scim(), current, plan);
    }
    if (wanted.directories() != null) {
      for (Provisioning.Directory directory : wanted.directories()) {
        planDirectory(directory, current, plan);
      }
    }
  }

  Provisioning export(OrganizationModel company) {
    String alias = CompanyAttributes.first(company, ScimSettings.IDENTITY_PROVIDER);
    List<Provisioning.Directory> directories = new ArrayList<>();
    for (ComponentModel component : Directories.ofCompany(session, realm, company)) {
      DirectoryProviderFactory type = Directories.factoryOf(session, component).orElseThrow();
      Map<String, List<String>> settings = new TreeMap<>();
      for (String name : settingNames(type)) {
        List<String> values = component.getConfig().get(name);
        if (secret(type, name)) {
          String reference = component.get(SecretReferences.PREFIX + name);
          if (reference != null) {
            settings.put(name, List.of(reference));
          }
        } else if (values != null && !values.isEmpty()) {
          settings.put(name, sorted(values));
        }
      }
      UserStorageProviderModel model = new UserStorageProviderModel(component);
      directories.add(
          new Provisioning.Directory(
              component.getName(),
              component.getProviderId(),
              component.get(DirectoryConfig.IDENTITY_PROVIDER),
              model.isEnabled(),
              model.getFullSyncPeriod(),
              model.getChangedSyncPeriod(),
              settings));
    }
    return new Provisioning(
        new Provisioning.Scim(ScimSettings.onDelete(company), alias), directories);
  }

  private void checkScim(Provisioning.Scim scim, Set<String> providers, ManifestProblems problems) {
    if (scim.onDelete() != null
        && !List.of(ScimSettings.DISABLE, ScimSettings.DELETE).contains(scim.onDelete())) {
      problems.add(
          "provisioning.scim.onDelete",
          "'"
              + scim.onDelete()
              + "' is not one of "
              + ScimSettings.DISABLE
              + ", "
              + ScimSettings.DELETE);
    }
    if (scim.identityProvider() != null
        && !scim.identityProvider().isEmpty()
        && !providers.contains(scim.identityProvider())) {
      problems.add(
          "provisioning.scim.identityProvider",
          scim.identityProvider() + " is not a sign-in of this company");
    }
  }

  private void checkDirectory(
      Provisioning.Directory directory,
      String path,
      Set<String> providers,
      OrganizationModel company,
      ManifestProblems problems) {
    DirectoryProviderFactory type = type(directory.type());
    if (type == null) {
      problems.add(path + ".type", "no directory type '" + directory.type() + "'");
      return;
    }
    if (directory.identityProvider() != null && !providers.contains(directory.identityProvider())) {
      problems.add(
          path + ".identityProvider",
          directory.identityProvider() + " is not a sign-in of this company");
      return;
    }
    ComponentModel existing = existing(company, directory.name());
    if (existing != null && !existing.getProviderId().equals(directory.type())) {
      problems.add(
          path + ".type",
          directory.name()
              + " is of type "
              + existing.getProviderId()
              + ", not "
              + directory.type());
      return;
    }
    for (String period : List.of("fullSyncPeriod", "changedSyncPeriod")) {
      Integer seconds =
          period.equals("fullSyncPeriod")
              ? directory.fullSyncPeriod()
              : directory.changedSyncPeriod();
      if (seconds != null && seconds < -1) {
        problems.add(path + "." + period, "seconds between runs, or -1 for none");
      }
    }
    Set<String> known = settingNames(type);
    boolean fine = true;
    for (Map.Entry<String, List<String>> setting : directory.settings().entrySet()) {
      String key = setting.getKey();
      String at = path + ".settings." + key;
      if (!known.contains(key)) {
        problems.add(
            at, "no setting '" + key + "' for " + type.getId() + "; its settings: " + known);
        fine = false;
      } else if (secret(type, key)) {
        String problem =
            setting.getValue().size() == 1
                ? secrets.problem(setting.getValue().get(0))
                : "a secret is one reference";
        if (problem != null) {
          problems.add(at, problem);
          fine = false;
        }
      }
    }
    IdentityProviderModel provider =
        session.identityProviders().getByAlias(directory.identityProvider());
    if (fine && provider != null) {
      // The type's own check needs the sign-in stored; a new one is checked when it is created.
      try {
        type.open(session, type.config(session, component(directory, existing, company)));
      } catch (FieldProblem invalid) {
        problems.add(path + ".settings." + invalid.field(), invalid.getMessage());
      } catch (IllegalArgumentException invalid) {
        problems.add(path + ".settings", invalid.getMessage());
      }
    }
  }

  private void planScim(Provisioning.Scim scim, OrganizationModel current, ManifestPlan plan) {
    if (scim.onDelete() != null) {
      String now = current == null ? ScimSettings.DISABLE : ScimSettings.onDelete(current);
      if (!now.equals(scim.onDelete())) {
        plan.change(
            new CompanyManifests.Change("provisioning.scim.onDelete", now, scim.onDelete()),
            company -> CompanyAttributes.set(company, ScimSettings.ON_DELETE, scim.onDelete()));
      }
    }
    if (scim.identityProvider() != null) {
      String now =
          current == null ? null : CompanyAttributes.first(current, ScimSettings.IDENTITY_PROVIDER);
      String next = scim.identityProvider().isEmpty() ? null : scim.identityProvider();
      if (!Objects.equals(now, next)) {
        plan.change(
            new CompanyManifests.Change("provisioning.scim.identityProvider", now, next),
            company -> CompanyAttributes.set(company, ScimSettings.IDENTITY_PROVIDER, next));
      }
    }
  }

  private void planDirectory(
      Provisioning.Directory directory, OrganizationModel current, ManifestPlan plan) {
    String path = "provisioning.directories." + directory.name();
    ComponentModel existing = existing(current, directory.name());
    if (existing == null) {
      plan.change(
          new CompanyManifests.Change(path, null, directory.type()),
          company -> create(directory, company));
      return;
    }
    ComponentModel next = component(directory, existing, current);
    Map<String, String> differences = new LinkedHashMap<>();
    Set<String> keys = new HashSet<>(existing.getConfig().keySet());
    keys.addAll(next.getConfig().keySet());
    for (String key : keys) {
      // Keycloak keeps a setting's values as a set: their order is not the directory's.
      List<String> before = sorted(existing.getConfig().get(key));
      List<String> after = sorted(next.getConfig().get(key));
      if (!before.equals(after) && !SecretReferences.isReference(key)) {
        boolean secret = secret(type(directory.type()), key);
        differences.put(
            key,
            shown(secret ? existing.get(SecretReferences.PREFIX + key) : String.join(",", before)));
        plan.record(
            new CompanyManifests.Change(
                path + "." + key,
                differences.get(key),
                shown(secret ? next.get(SecretReferences.PREFIX + key) : String.join(",", after))));
      }
    }
    if (!differences.isEmpty()) {
      plan.step(company -> realm.updateComponent(component(directory, existing, company)));
    }
  }

  private void create(Provisioning.Directory directory, OrganizationModel company) {
    DirectoryProviderFactory type = type(directory.type());
    ComponentModel component = component(directory, null, company);
    // A sign-in the same manifest created is stored by now: the check it could not have before.
    type.open(session, type.config(session, component));
    realm.addComponentModel(component);
  }

  /** The directory as it would be stored: the existing one with the manifest's settings over it. */
  private ComponentModel component(
      Provisioning.Directory directory, ComponentModel existing, OrganizationModel company) {
    DirectoryProviderFactory type = type(directory.type());
    UserStorageProviderModel model =
        existing != null
            ? new UserStorageProviderModel(new ComponentModel(existing))
            : new UserStorageProviderModel(
                Directories.draft(realm, type, directory.identityProvider()));
    model.setName(directory.name());
    model.getConfig().putSingle(DirectoryConfig.IDENTITY_PROVIDER, directory.identityProvider());
    if (directory.enabled() != null) {
      model.setEnabled(directory.enabled());
    }
    if (directory.fullSyncPeriod() != null) {
      model.setFullSyncPeriod(directory.fullSyncPeriod());
    }
    if (directory.changedSyncPeriod() != null) {
      model.setChangedSyncPeriod(directory.changedSyncPeriod());
    }
    directory
        .settings()
        .forEach(
            (key, values) -> {
              if (secret(type, key)) {
                Map<String, String> stored = new LinkedHashMap<>();
                secrets.store(key, values.get(0), stored);
                stored.forEach(model.getConfig()::putSingle);
              } else if (values.stream().allMatch(String::isBlank)) {
                model.getConfig().remove(key);
              } else {
                model.getConfig().put(key, new ArrayList<>(values));
              }
            });
    return model;
  }

  private ComponentModel existing(OrganizationModel company, String name) {
    if (company == null) {
      return null;
    }
    return Directories.ofCompany(session, realm, company).stream()
        .filter(component -> component.getName().equals(name))
        .findFirst()
        .orElse(null);
  }

  private DirectoryProviderFactory type(String id) {
    return session.getKeycloakSessionFactory().getProviderFactory(UserStorageProvider.class, id)
            instanceof DirectoryProviderFactory type
        ? type
        : null;
  }

  /** The settings of the type's form, except the sign-in, which the manifest names on its own. */
  private static Set<String> settingNames(DirectoryProviderFactory type) {
    Set<String> names = new java.util.TreeSet<>();
    type.getConfigProperties().stream()
        .map(ProviderConfigProperty::getName)
        .filter(name -> !name.equals(DirectoryConfig.IDENTITY_PROVIDER))
        .forEach(names::add);
    return names;
  }

  private static boolean secret(DirectoryProviderFactory type, String key) {
    return SecretReferences.namedSecret(key)
        || (type != null
            && type.getConfigProperties().stream()
                .anyMatch(
                    property ->
                        property.getName().equals(key)
                            && (property.isSecret()
                                || ProviderConfigProperty.PASSWORD.equals(property.getType()))));
  }

  private static List<String> sorted(List<String> values) {
    return values == null ? List.of() : values.stream().sorted().toList();
  }

  private static String shown(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
