package dev.companysso.operations.manifest;

import dev.companysso.core.ProviderIds;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.keycloak.broker.provider.IdentityProvider;
import org.keycloak.broker.provider.IdentityProviderFactory;
import org.keycloak.broker.social.SocialIdentityProvider;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * The identity providers of a company manifest: checked by their type as the admin console checks
 * them, created or updated with the settings the manifest gives (others stored are kept), linked to
 * the company. A secret is never written into a manifest: it is given and exported as a reference,
 * and one left out keeps the secret stored. Providers of the company the manifest does not list are
 * left alone: removing one would remove its people's links.
 */
final class ManifestIdentityProviders {

  /** What the Okta and Entra ID types work out from their form and store on every save. */
  private static final Set<String> DERIVED =
      Set.of(
          "issuer",
          "authorizationUrl",
          "tokenUrl",
          "userInfoUrl",
          "disableUserInfo",
          "logoutUrl",
          "jwksUrl",
          "useJwksUrl",
          "validateSignature");

  private final KeycloakSession session;
  private final RealmModel realm;
  private final SecretReferences secrets;

  ManifestIdentityProviders(
      KeycloakSession session, RealmModel realm, Function<String, String> environment) {
    this.session = session;
    this.realm = realm;
    this.secrets = new SecretReferences(environment);
  }

  void check(
      List<CompanyManifest.IdentityProvider> wanted,
      OrganizationModel company,
      ManifestProblems problems) {
    Set<String> aliases = new HashSet<>();
    for (int i = 0; i < wanted.size(); i++) {
      CompanyManifest.IdentityProvider provider = wanted.get(i);
      String path = "identityProviders[" + i + "]";
      if (provider.alias() == null || provider.type() == null) {
        continue;
      }
      if (!aliases.add(provider.alias())) {
        problems.add(path + ".alias", provider.alias() + " is listed twice");
        continue;
      }
      IdentityProviderModel existing = session.identityProviders().getByAlias(provider.alias());
      if (existing != null
          && existing.getOrganizationId() != null
          && (company == null || !existing.getOrganizationId().equals(company.getId()))) {
        problems.add(path + ".alias", provider.alias() + " is another company's sign-in");
        continue;
      }
      if (existing != null && existing.getOrganizationId() == null) {
        problems.add(
            path + ".alias", provider.alias() + " exists and belongs to no company; link it first");
        continue;
      }
      if (existing != null && !existing.getProviderId().equals(provider.type())) {
        problems.add(
            path + ".type",
            provider.alias()
                + " is of type "
                + existing.getProviderId()
                + ", not "
                + provider.type());
        continue;
      }
      IdentityProviderFactory<?> factory = factory(provider.type());
      if (factory == null) {
        problems.add(path + ".type", "no identity provider type '" + provider.type() + "'");
        continue;
      }
      Map<String, String> resolved = resolveSecrets(provider.config(), path, problems);
      if (resolved == null) {
        continue;
      }
      try {
        model(factory, provider, existing, resolved).validate(realm);
      } catch (RuntimeException invalid) {
        problems.add(path + ".config", invalid.getMessage());
      }
    }
  }

  /** Adds the changes each listed provider needs, and the steps that make them, to {@code plan}. */
  void plan(List<CompanyManifest.IdentityProvider> wanted, ManifestPlan plan) {
    for (CompanyManifest.IdentityProvider provider : wanted) {
      IdentityProviderModel existing = session.identityProviders().getByAlias(provider.alias());
      String path = "identityProviders." + provider.alias();
      if (existing == null) {
        plan.change(
            new CompanyManifests.Change(path, null, provider.type()),
            owner -> create(provider, owner));
        continue;
      }
      Map<String, String> differences = differences(provider, existing);
      if (!differences.isEmpty()) {
        differences.forEach(
            (key, to) ->
                plan.record(
                    new CompanyManifests.Change(path + "." + key, shown(key, existing), to)));
        plan.step(owner -> update(provider, existing));
      }
    }
  }

  /** The company's providers as manifest entries; secrets only as the references they came from. */
  List<CompanyManifest.IdentityProvider> export(OrganizationModel company) {
    return company
        .getIdentityProviders()
        .sorted(java.util.Comparator.comparing(IdentityProviderModel::getAlias))
        .map(
            provider -> {
              Map<String, String> config = new TreeMap<>();
              provider
                  .getConfig()
                  .forEach(
                      (key, value) -> {
                        if (exported(provider, key)) {
                          config.put(key, value);
                        }
                      });
              provider.getConfig().entrySet().stream()
                  .filter(entry -> SecretReferences.isReference(entry.getKey()))
                  .forEach(
                      entry ->
                          config.put(
                              entry.getKey().substring(SecretReferences.PREFIX.length()),
                              entry.getValue()));
              return new CompanyManifest.IdentityProvider(
                  provider.getAlias(),
                  provider.getProviderId(),
                  provider.getDisplayName(),
                  provider.isEnabled(),
                  provider.isHideOnLogin(),
                  config);
            })
        .toList();
  }

  private boolean exported(IdentityProviderModel provider, String key) {
    boolean vendorType =
        ProviderIds.OKTA.equals(provider.getProviderId())
            || ProviderIds.ENTRA_ID.equals(provider.getProviderId());
    return !SecretReferences.namedSecret(key)
        && !SecretReferences.isReference(key)
        && !key.startsWith("kc.org")
        && !(vendorType && DERIVED.contains(key))
        && !"syncMode".equals(key);
  }

  /** The settings, secrets included, as they would be stored; null when a reference is wrong. */
  private Map<String, String> resolveSecrets(
      Map<String, String> config, String path, ManifestProblems problems) {
    Map<String, String> resolved = new LinkedHashMap<>();
    boolean fine = true;
    for (Map.Entry<String, String> setting : config.entrySet()) {
      String key = setting.getKey();
      String value = setting.getValue();
      if (!SecretReferences.namedSecret(key)) {
        resolved.put(key, value);
        continue;
      }
      String problem = secrets.problem(value);
      if (problem != null) {
        problems.add(path + ".config." + key, problem);
        fine = false;
        continue;
      }
      secrets.store(key, value, resolved);
    }
    return fine ? resolved : null;
  }

  /** The settings the manifest gives that differ from the stored ones (secrets by reference). */
  private Map<String, String> differences(
      CompanyManifest.IdentityProvider provider, IdentityProviderModel existing) {
    Map<String, String> differences = new LinkedHashMap<>();
    if (provider.displayName() != null
        && !provider.displayName().equals(existing.getDisplayName())) {
      differences.put("displayName", provider.displayName());
    }
    if (provider.enabled() != null && provider.enabled() != existing.isEnabled()) {
      differences.put("enabled", provider.enabled().toString());
    }
    if (provider.hideOnLogin() != null && provider.hideOnLogin() != existing.isHideOnLogin()) {
      differences.put("hideOnLogin", provider.hideOnLogin().toString());
    }
    provider
        .config()
        .forEach(
            (key, value) -> {
              boolean same =
                  SecretReferences.namedSecret(key)
                      ? secrets.same(key, value, existing.getConfig())
                      : Objects.equals(
                          value.isBlank() ? null : value, existing.getConfig().get(key));
              if (!same) {
                differences.put(key, value);
              }
            });
    return differences;
  }

  private static String shown(String key, IdentityProviderModel existing) {
    return switch (key) {
      case "displayName" -> existing.getDisplayName();
      case "enabled" -> String.valueOf(existing.isEnabled());
      case "hideOnLogin" -> String.valueOf(existing.isHideOnLogin());
      default ->
          SecretReferences.namedSecret(key)
              ? existing.getConfig().get(SecretReferences.PREFIX + key)
              : existing.getConfig().get(key);
    };
  }

  private void create(CompanyManifest.IdentityProvider provider, OrganizationModel company) {
    IdentityProviderModel model =
        model(
            factory(provider.type()),
            provider,
            null,
            resolveSecrets(provider.config(), "", new ManifestProblems()));
    model.validate(realm);
    session.identityProviders().create(model);
    session
        .getProvider(OrganizationProvider.class)
        .addIdentityProvider(company, session.identityProviders().getByAlias(provider.alias()));
  }

  private void update(CompanyManifest.IdentityProvider provider, IdentityProviderModel existing) {
    IdentityProviderModel model =
        model(
            factory(provider.type()),
            provider,
            existing,
            resolveSecrets(provider.config(), "", new ManifestProblems()));
    model.validate(realm);
    session.identityProviders().update(model);
  }

  /** The provider as it would be stored: the existing one with the manifest's settings over it. */
  private static IdentityProviderModel model(
      IdentityProviderFactory<?> factory,
      CompanyManifest.IdentityProvider provider,
      IdentityProviderModel existing,
      Map<String, String> resolved) {
    IdentityProviderModel model = factory.createConfig();
    Map<String, String> config = new HashMap<>();
    if (existing != null) {
      config.putAll(existing.getConfig());
      model.setInternalId(existing.getInternalId());
      model.setOrganizationId(existing.getOrganizationId());
      model.setTrustEmail(existing.isTrustEmail());
      model.setFirstBrokerLoginFlowId(existing.getFirstBrokerLoginFlowId());
      model.setPostBrokerLoginFlowId(existing.getPostBrokerLoginFlowId());
      model.setDisplayName(existing.getDisplayName());
      model.setEnabled(existing.isEnabled());
      model.setHideOnLogin(existing.isHideOnLogin());
      model.setSyncMode(existing.getSyncMode());
    } else {
      model.setEnabled(true);
      model.setHideOnLogin(true);
      model.setSyncMode(IdentityProviderSyncMode.FORCE);
    }
    // A blank setting is no setting, as the admin console stores it.
    resolved.forEach(
        (key, value) -> {
          if (value.isBlank()) {
            config.remove(key);
          } else {
            config.put(key, value);
          }
        });
    model.setConfig(config);
    model.setAlias(provider.alias());
    model.setProviderId(provider.type());
    if (provider.displayName() != null) {
      model.setDisplayName(provider.displayName());
    }
    if (provider.enabled() != null) {
      model.setEnabled(provider.enabled());
    }
    if (provider.hideOnLogin() != null) {
      model.setHideOnLogin(provider.hideOnLogin());
    }
    return model;
  }

  private IdentityProviderFactory<?> factory(String type) {
    var factories = session.getKeycloakSessionFactory();
    Object factory = factories.getProviderFactory(IdentityProvider.class, type);
    if (factory == null) {
      factory = factories.getProviderFactory(SocialIdentityProvider.class, type);
    }
    return factory instanceof IdentityProviderFactory<?> found ? found : null;
  }
}
