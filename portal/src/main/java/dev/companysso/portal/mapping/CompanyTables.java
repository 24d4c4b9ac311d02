package dev.companysso.portal.mapping;

import dev.companysso.core.AssignableTargets;
import dev.companysso.core.SettingLists;
import dev.companysso.mappers.RuleTableMapper;
import dev.companysso.mappers.rules.RuleTable;
import dev.companysso.mappers.rules.RuleTableConfig;
import dev.companysso.mappers.rules.RuleTableException;
import java.io.IOException;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderMapperSyncMode;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * A company's group tables on its identity provider, as the portal edits them: the first enabled
 * provider of the company (by alias) and, on it, the table of each kind that reads the {@code
 * groups} claim. A table the company saves where there is none is made on that provider.
 */
public final class CompanyTables {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final IdentityProviderModel provider;
  private final AssignableTargets assignable;

  private CompanyTables(KeycloakSession session, RealmModel realm, IdentityProviderModel provider) {
    this.session = session;
    this.realm = realm;
    this.provider = provider;
    this.assignable = new AssignableTargets(realm);
  }

  /** The tables of the company's provider; empty while the company has no enabled provider. */
  public static Optional<CompanyTables> of(
      KeycloakSession session, RealmModel realm, OrganizationModel company) {
    return company
        .getIdentityProviders()
        .filter(IdentityProviderModel::isEnabled)
        .min(Comparator.comparing(IdentityProviderModel::getAlias))
        .map(provider -> new CompanyTables(session, realm, provider));
  }

  /**
   * Gives a provider the portal just made live an empty group-to-role table, when it has none: a
   * table grants nothing while empty, and from the first sign-in it keeps the groups each person
   * brings, so the company's first preview already knows its people.
   */
  public static void prepare(
      KeycloakSession session, RealmModel realm, IdentityProviderModel provider) {
    CompanyTables tables = new CompanyTables(session, realm, provider);
    if (tables.table(TableKind.ROLES).isEmpty()) {
      tables.save(TableKind.ROLES, List.of());
    }
  }

  public IdentityProviderModel provider() {
    return provider;
  }

  public AssignableTargets assignable() {
    return assignable;
  }

  /** The table of {@code kind} on the provider, if there is one. */
  public Optional<IdentityProviderMapperModel> table(TableKind kind) {
    return session
        .identityProviders()
        .getMappersByAliasStream(provider.getAlias())
        .filter(mapper -> kind.mapperType().equals(mapper.getIdentityProviderMapper()))
        .filter(
            mapper -> {
              String claim = mapper.getConfig().get(RuleTableMapper.CLAIM);
              return claim == null
                  || claim.isBlank()
                  || claim.strip().equals(RuleTableMapper.DEFAULT_CLAIM);
            })
        .min(Comparator.comparing(IdentityProviderMapperModel::getName));
  }

  /** The table's rows; a row naming anything the company may not grant is the vendor's. */
  public List<TableRow> rows(TableKind kind) {
    List<Map.Entry<String, String>> stored;
    try {
      stored =
          RuleTableConfig.rows(
              table(kind).map(m -> m.getConfig().get(RuleTableConfig.RULES)).orElse(null));
    } catch (RuleTableException unreadable) {
      return List.of();
    }
    List<TableRow> rows = new ArrayList<>();
    for (Map.Entry<String, String> row : stored) {
      List<String> targets = SettingLists.names(row.getValue());
      boolean vendor =
          targets.isEmpty() || !targets.stream().allMatch(t -> kind.assignable(assignable, t));
      rows.add(new TableRow(row.getKey() == null ? "" : row.getKey(), targets, vendor));
    }
    return rows;
  }

  /** The vendor's rows, kept ahead of the company's, and the company's {@code rows}. */
  public RuleTable proposed(TableKind kind, List<TableRow> companyRows) throws RuleTableException {
    return RuleTable.parse(entries(merged(kind, companyRows)));
  }

  /** The mapper the table runs in: the saved one, or the one saving would make. */
  public IdentityProviderMapperModel mapperModel(TableKind kind, List<TableRow> companyRows) {
    IdentityProviderMapperModel model =
        table(kind).map(CompanyTables::copy).orElseGet(() -> newTable(kind));
    model.getConfig().put(RuleTableConfig.RULES, json(merged(kind, companyRows)));
    return model;
  }

  /** Saves the table with the company's {@code rows} (after checks by the caller). */
  public void save(TableKind kind, List<TableRow> companyRows) {
    IdentityProviderMapperModel model = mapperModel(kind, companyRows);
    if (model.getId() == null) {
      session.identityProviders().createMapper(model);
    } else {
      session.identityProviders().updateMapper(model);
    }
  }

  /** The mapper type's code for {@code kind}: previews and target checks. */
  public RuleTableMapper<?> mapper(TableKind kind) {
    return (RuleTableMapper<?>)
        session
            .getKeycloakSessionFactory()
            .getProviderFactory(IdentityProviderMapper.class, kind.mapperType());
  }

  private List<TableRow> merged(TableKind kind, List<TableRow> companyRows) {
    List<TableRow> rows = new ArrayList<>(rows(kind).stream().filter(TableRow::vendor).toList());
    rows.addAll(companyRows);
    return rows;
  }

  private IdentityProviderMapperModel newTable(TableKind kind) {
    IdentityProviderMapperModel model = new IdentityProviderMapperModel();
    model.setName(kind.mapperName(provider.getAlias()));
    model.setIdentityProviderAlias(provider.getAlias());
    model.setIdentityProviderMapper(kind.mapperType());
    Map<String, String> config = new LinkedHashMap<>();
    config.put(IdentityProviderMapperModel.SYNC_MODE, IdentityProviderMapperSyncMode.FORCE.name());
    config.put(RuleTableMapper.CLAIM, RuleTableMapper.DEFAULT_CLAIM);
    model.setConfig(config);
    return model;
  }

  private static IdentityProviderMapperModel copy(IdentityProviderMapperModel saved) {
    IdentityProviderMapperModel model = new IdentityProviderMapperModel();
    model.setId(saved.getId());
    model.setName(saved.getName());
    model.setIdentityProviderAlias(saved.getIdentityProviderAlias());
    model.setIdentityProviderMapper(saved.getIdentityProviderMapper());
    model.setConfig(new LinkedHashMap<>(saved.getConfig()));
    return model;
  }

  private static List<Map.Entry<String, String>> entries(List<TableRow> rows) {
    return rows.stream()
        .<Map.Entry<String, String>>map(
            row -> new SimpleImmutableEntry<>(row.pattern(), row.targetText()))
        .toList();
  }

  private static String json(List<TableRow> rows) {
    List<Map<String, String>> pairs =
        rows.stream().map(row -> Map.of("key", row.pattern(), "value", row.targetText())).toList();
    try {
      return JsonSerialization.writeValueAsString(pairs);
    } catch (IOException e) {
      throw new IllegalStateException("A rule table could not be written as JSON", e);
    }
  }
}
