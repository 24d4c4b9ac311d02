package dev.companysso.operations.manifest;

import dev.companysso.core.Companies;
import dev.companysso.core.ProviderIds;
import dev.companysso.core.SettingLists;
import dev.companysso.mappers.RuleTableMapper;
import dev.companysso.mappers.rules.RuleTableConfig;
import dev.companysso.mappers.rules.RuleTableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * The group rule tables of a company manifest: each is one table mapper of one of the company's
 * sign-ins, found by provider and name, checked as the admin console checks a table (every rule
 * naming its problem), created or updated in row order. Tables the manifest does not list are left
 * alone.
 */
final class ManifestRuleTables {

  private static final Map<String, String> KINDS =
      Map.of("roles", ProviderIds.GROUP_ROLE_MAPPER, "teams", ProviderIds.GROUP_TEAM_MAPPER);

  private final KeycloakSession session;
  private final RealmModel realm;

  ManifestRuleTables(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
  }

  /**
   * @param listedProviders the aliases the manifest's own {@code identityProviders} list
   */
  void check(
      List<CompanyManifest.RuleTable> tables,
      Set<String> listedProviders,
      OrganizationModel company,
      ManifestProblems problems) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < tables.size(); i++) {
      CompanyManifest.RuleTable table = tables.get(i);
      String path = "ruleTables[" + i + "]";
      if (table.identityProvider() == null || table.name() == null || table.kind() == null) {
        continue;
      }
      String type = KINDS.get(table.kind());
      if (type == null) {
        problems.add(path + ".kind", "roles or teams");
        continue;
      }
      if (!seen.add(table.identityProvider() + "/" + table.name())) {
        problems.add(
            path + ".name", table.name() + " is listed twice for " + table.identityProvider());
        continue;
      }
      IdentityProviderModel provider =
          session.identityProviders().getByAlias(table.identityProvider());
      boolean ours =
          provider != null
              && company != null
              && company.getId().equals(provider.getOrganizationId());
      boolean free = provider == null || provider.getOrganizationId() == null;
      boolean companys = ours || (free && listedProviders.contains(table.identityProvider()));
      if (!companys) {
        problems.add(
            path + ".identityProvider",
            table.identityProvider() + " is not a sign-in of this company");
        continue;
      }
      IdentityProviderMapperModel model = model(table, type, existing(table));
      mapper(type)
          .problems(session, realm, model)
          .forEach(problem -> problems.add(path + ".rules", problem));
    }
  }

  void plan(List<CompanyManifest.RuleTable> tables, ManifestPlan plan) {
    for (CompanyManifest.RuleTable table : tables) {
      String type = KINDS.get(table.kind());
      IdentityProviderMapperModel existing = existing(table);
      String path = "ruleTables." + table.identityProvider() + "." + table.name();
      if (existing == null) {
        plan.change(
            new CompanyManifests.Change(path, null, summary(table.rules())),
            company -> session.identityProviders().createMapper(model(table, type, null)));
        continue;
      }
      List<CompanyManifest.RuleTable.Rule> stored = rules(existing);
      boolean sameRules = stored.equals(table.rules());
      boolean sameSettings =
          table.settings().entrySet().stream()
              .allMatch(
                  setting ->
                      Objects.equals(
                          setting.getValue(), existing.getConfig().get(setting.getKey())));
      if (!existing.getIdentityProviderMapper().equals(type)) {
        plan.change(
            new CompanyManifests.Change(path + ".kind", kindOf(existing), table.kind()),
            company -> {
              session.identityProviders().removeMapper(existing);
              session.identityProviders().createMapper(model(table, type, null));
            });
      } else if (!sameRules || !sameSettings) {
        plan.change(
            new CompanyManifests.Change(path, summary(stored), summary(table.rules())),
            company -> session.identityProviders().updateMapper(model(table, type, existing)));
      }
    }
  }

  /** The rule tables of the company's sign-ins. */
  List<CompanyManifest.RuleTable> export(OrganizationModel company) {
    return Companies.ruleTables(session, company)
        .map(
            table -> {
              Map<String, String> settings = new LinkedHashMap<>(table.getConfig());
              settings.remove(RuleTableConfig.RULES);
              settings.remove("syncMode");
              return new CompanyManifest.RuleTable(
                  table.getIdentityProviderAlias(),
                  table.getName(),
                  kindOf(table),
                  rules(table),
                  settings);
            })
        .toList();
  }

  private IdentityProviderMapperModel existing(CompanyManifest.RuleTable table) {
    return session.identityProviders().getMapperByName(table.identityProvider(), table.name());
  }

  private static IdentityProviderMapperModel model(
      CompanyManifest.RuleTable table, String type, IdentityProviderMapperModel existing) {
    IdentityProviderMapperModel model = new IdentityProviderMapperModel();
    Map<String, String> config = new LinkedHashMap<>();
    if (existing != null) {
      model.setId(existing.getId());
      config.putAll(existing.getConfig());
    } else {
      config.put("syncMode", "FORCE");
    }
    config.putAll(table.settings());
    config.put(RuleTableConfig.RULES, stored(table.rules()));
    model.setName(table.name());
    model.setIdentityProviderAlias(table.identityProvider());
    model.setIdentityProviderMapper(type);
    model.setConfig(config);
    return model;
  }

  /** The rows as the admin console stores a table. */
  private static String stored(List<CompanyManifest.RuleTable.Rule> rules) {
    List<Map<String, String>> rows = new ArrayList<>();
    rules.forEach(
        rule -> rows.add(Map.of("key", rule.group(), "value", String.join(", ", rule.to()))));
    try {
      return JsonSerialization.writeValueAsString(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stored rows as manifest rules; a table that cannot be read is empty. */
  private static List<CompanyManifest.RuleTable.Rule> rules(IdentityProviderMapperModel mapper) {
    try {
      return RuleTableConfig.rows(mapper.getConfig().get(RuleTableConfig.RULES)).stream()
          .map(
              row ->
                  new CompanyManifest.RuleTable.Rule(
                      row.getKey(), SettingLists.names(row.getValue())))
          .toList();
    } catch (RuleTableException unreadable) {
      return List.of();
    }
  }

  private static String summary(List<CompanyManifest.RuleTable.Rule> rules) {
    return rules.size() + (rules.size() == 1 ? " rule" : " rules");
  }

  private static String kindOf(IdentityProviderMapperModel mapper) {
    return ProviderIds.GROUP_TEAM_MAPPER.equals(mapper.getIdentityProviderMapper())
        ? "teams"
        : "roles";
  }

  private RuleTableMapper<?> mapper(String type) {
    return (RuleTableMapper<?>)
        session.getKeycloakSessionFactory().getProviderFactory(IdentityProviderMapper.class, type);
  }
}
