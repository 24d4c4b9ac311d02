package dev.companysso.mappers;

import dev.companysso.core.ProviderIds;
import dev.companysso.mappers.known.KnownGroups;
import dev.companysso.mappers.rules.RuleTableConfig;
import java.util.List;
import java.util.Optional;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Which row of each of a sign-in's group tables grants a person each role and team, and what the
 * next login with those groups would give and take: the tables as saved, run as a login runs them,
 * changing nothing.
 */
public final class RuleExplanation {

  /**
   * One table's answer.
   *
   * @param grants each target the groups earn, whether the person holds it, and the rows that grant
   *     it
   * @param gives what the next login would add
   * @param takes what it would remove (only with a complete group list: a cut-off one never takes)
   * @param skippedRows rows the login skips because they cannot be read
   */
  public record Table(
      String table,
      String kind,
      List<TablePreview.Grant> grants,
      List<String> gives,
      List<String> takes,
      List<String> skippedRows) {}

  /** The answer for all the sign-in's tables, and the groups it is for. */
  public record Answer(
      String user,
      String identityProvider,
      List<String> groups,
      String groupsFrom,
      List<Table> tables) {}

  private RuleExplanation() {}

  /**
   * @param groups the claim's values to explain with; null: the person's groups of their last login
   *     through a company sign-in
   */
  public static Answer explain(
      KeycloakSession session,
      RealmModel realm,
      UserModel user,
      IdentityProviderModel provider,
      List<String> groups) {
    Optional<KnownGroups.Known> known =
        groups == null ? KnownGroups.of(session, user) : Optional.empty();
    List<String> values =
        groups != null ? groups : known.map(KnownGroups.Known::groups).orElse(List.of());
    boolean complete = groups != null || known.map(KnownGroups.Known::complete).orElse(false);
    String from = groups != null ? "request" : known.isPresent() ? "last-login" : "none-known";
    List<Table> tables =
        session
            .identityProviders()
            .getMappersByAliasStream(provider.getAlias())
            .filter(m -> ProviderIds.RULE_TABLE_MAPPERS.contains(m.getIdentityProviderMapper()))
            .map(mapper -> table(session, realm, provider, mapper, user, values, complete))
            .toList();
    return new Answer(user.getUsername(), provider.getAlias(), values, from, tables);
  }

  private static Table table(
      KeycloakSession session,
      RealmModel realm,
      IdentityProviderModel provider,
      IdentityProviderMapperModel mapper,
      UserModel user,
      List<String> groups,
      boolean complete) {
    RuleTableMapper<?> type =
        (RuleTableMapper<?>)
            session
                .getKeycloakSessionFactory()
                .getProviderFactory(
                    IdentityProviderMapper.class, mapper.getIdentityProviderMapper());
    RuleTableConfig.LenientTable table =
        RuleTableConfig.lenient(mapper.getConfig().get(RuleTableConfig.RULES));
    TablePreview<?> preview = type.preview(session, realm, provider, mapper, table.table());
    Optional<TablePreview.Change> change = preview.changeFor(user, groups, complete);
    return new Table(
        mapper.getName(),
        ProviderIds.GROUP_ROLE_MAPPER.equals(mapper.getIdentityProviderMapper())
            ? "roles"
            : "teams",
        preview.explain(user, groups),
        change.map(TablePreview.Change::gains).orElse(List.of()),
        change.map(TablePreview.Change::losses).orElse(List.of()),
        List.copyOf(table.skipped()));
  }
}
