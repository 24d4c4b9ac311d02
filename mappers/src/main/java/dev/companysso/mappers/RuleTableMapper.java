package dev.companysso.mappers;

import dev.companysso.core.Companies;
import dev.companysso.core.ProviderIds;
import dev.companysso.core.events.CompanyEvent;
import dev.companysso.core.events.DecisionPath;
import dev.companysso.mappers.known.KnownGroups;
import dev.companysso.mappers.rules.GroupRule;
import dev.companysso.mappers.rules.RuleTable;
import dev.companysso.mappers.rules.RuleTableConfig;
import dev.companysso.mappers.rules.RuleTableConfig.LenientTable;
import dev.companysso.mappers.rules.RuleTableException;
import dev.companysso.mappers.sync.GrantSync;
import dev.companysso.mappers.sync.TargetKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.keycloak.broker.provider.AbstractIdentityProviderMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * An IdP mapper driven by one table of group rules, synced on every login: what the rules match is
 * granted, what this mapper granted earlier and no longer matches is taken away, nothing else is
 * touched. Subclasses say what the targets are (roles, Keycloak groups).
 */
public abstract class RuleTableMapper<T> extends AbstractIdentityProviderMapper {

  public static final String CLAIM = "claim";
  public static final String DEFAULT_CLAIM = "groups";

  private static final Logger LOG = Logger.getLogger(RuleTableMapper.class);

  /** Keycloak's OIDC brokers and the bundle's vendor types. */
  private static final String[] COMPATIBLE_PROVIDERS = {
    "oidc", "keycloak-oidc", ProviderIds.OKTA, ProviderIds.ENTRA_ID
  };

  private static final Set<IdentityProviderSyncMode> SYNC_MODES =
      EnumSet.of(
          IdentityProviderSyncMode.IMPORT,
          IdentityProviderSyncMode.LEGACY,
          IdentityProviderSyncMode.FORCE);

  /** The targets of this mapper's kind for one login. */
  protected abstract TargetKind<T> targets(
      KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapperModel);

  /** Targets never taken away, whoever granted them. */
  protected Set<String> protectedTargets(
      KeycloakSession session,
      IdentityProviderMapperModel mapperModel,
      BrokeredIdentityContext context) {
    return Set.of();
  }

  @Override
  public String[] getCompatibleProviders() {
    return COMPATIBLE_PROVIDERS.clone();
  }

  @Override
  public boolean supportsSyncMode(IdentityProviderSyncMode syncMode) {
    return SYNC_MODES.contains(syncMode);
  }

  @Override
  public void importNewUser(
      KeycloakSession session,
      RealmModel realm,
      UserModel user,
      IdentityProviderMapperModel mapperModel,
      BrokeredIdentityContext context) {
    sync(session, realm, user, mapperModel, context, true);
  }

  @Override
  public void updateBrokeredUser(
      KeycloakSession session,
      RealmModel realm,
      UserModel user,
      IdentityProviderMapperModel mapperModel,
      BrokeredIdentityContext context) {
    sync(session, realm, user, mapperModel, context, false);
  }

  /** "Legacy" is the sync mode of IdPs that never chose one; a stale grant is as wrong there. */
  @Override
  public void updateBrokeredUserLegacy(
      KeycloakSession session,
      RealmModel realm,
      UserModel user,
      IdentityProviderMapperModel mapperModel,
      BrokeredIdentityContext context) {
    sync(session, realm, user, mapperModel, context, false);
  }

  /**
   * @param newUser whether this login created the account ({@link #importNewUser})
   */
  private void sync(
      KeycloakSession session,
      RealmModel realm,
      UserModel user,
      IdentityProviderMapperModel mapperModel,
      BrokeredIdentityContext context,
      boolean newUser) {
    MappingProblems problems = new MappingProblems(session, realm, user, mapperModel, context);
    LenientTable table =
        RuleTableConfig.lenient(mapperModel.getConfig().get(RuleTableConfig.RULES));
    table.skipped().forEach(problems::invalidRule);

    GroupClaim claim = GroupClaim.read(context, claimName(mapperModel));
    rememberGroups(session, realm, user, mapperModel, context, claim, newUser);
    List<GroupRule> matched = table.table().matching(claim.values());
    Set<String> granted = new LinkedHashSet<>();
    matched.forEach(rule -> granted.addAll(rule.targets()));

    TargetKind<T> kind = targets(session, realm, mapperModel);
    GrantSync.Outcome outcome =
        new GrantSync<>(
                kind,
                id -> {
                  IdentityProviderMapperModel other = session.identityProviders().getMapperById(id);
                  return other != null && kind.sharesGrantsWith(other);
                })
            .apply(
                user,
                mapperModel.getId(),
                granted,
                protectedTargets(session, mapperModel, context),
                claim.complete());
    for (String target : outcome.missing()) {
      problems.missingTarget(target, rulesNaming(matched, target));
    }
    LOG.debugf(
        "Mapper %s for %s: %d rules matched %d claim values; gave %s, took %s",
        mapperModel.getName(),
        user.getUsername(),
        matched.size(),
        claim.values().size(),
        outcome.given(),
        outcome.taken());
    if (!outcome.given().isEmpty() || !outcome.taken().isEmpty()) {
      raiseChange(session, realm, user, mapperModel, context, outcome);
      DecisionPath.add(
          context.getAuthenticationSession(),
          changeEvent().equals(CompanyEvent.ROLES_CHANGED) ? "roles" : "teams",
          Stream.concat(
                  outcome.given().stream().map(name -> "+" + name),
                  outcome.taken().stream().map(name -> "-" + name))
              .collect(Collectors.joining(" ")));
    }
  }

  /**
   * The event a change of this table's grants raises ({@link CompanyEvent#ROLES_CHANGED} or {@link
   * CompanyEvent#TEAMS_CHANGED}), for whichever runs it: a login, directory sync or SCIM.
   */
  protected abstract String changeEvent();

  private void raiseChange(
      KeycloakSession session,
      RealmModel realm,
      UserModel user,
      IdentityProviderMapperModel mapperModel,
      BrokeredIdentityContext context,
      GrantSync.Outcome outcome) {
    Companies.ofIdentityProvider(session, realm, context.getIdpConfig())
        .ifPresent(
            company ->
                CompanyEvent.raise(
                    session,
                    realm,
                    company,
                    changeEvent(),
                    user,
                    Map.of(
                        "identityProvider", context.getIdpConfig().getAlias(),
                        "table", mapperModel.getName(),
                        "given", outcome.given(),
                        "taken", outcome.taken())));
  }

  /**
   * What is wrong with a table about to be saved: unreadable, empty or duplicate rules, and targets
   * that do not exist. Every problem names its rule. Empty when the table can be saved.
   */
  public List<String> problems(
      KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapperModel) {
    RuleTable table;
    try {
      table = RuleTableConfig.strict(mapperModel.getConfig().get(RuleTableConfig.RULES));
    } catch (RuleTableException e) {
      return e.problems();
    }
    TargetKind<T> kind = targets(session, realm, mapperModel);
    List<String> problems = new ArrayList<>();
    for (GroupRule rule : table.rules()) {
      for (String target : rule.targets()) {
        if (!kind.createsMissing() && kind.find(target) == null) {
          problems.add(rule.label() + ": " + kind.describe(target) + " does not exist.");
        }
      }
    }
    return problems;
  }

  /**
   * Keeps the person's groups for previews of the company's tables: the {@code groups} claim of a
   * company's provider only.
   */
  private static void rememberGroups(
      KeycloakSession session,
      RealmModel realm,
      UserModel user,
      IdentityProviderMapperModel mapperModel,
      BrokeredIdentityContext context,
      GroupClaim claim,
      boolean newUser) {
    String companyId = context.getIdpConfig().getOrganizationId();
    if (companyId != null && DEFAULT_CLAIM.equals(claimName(mapperModel))) {
      KnownGroups.remember(
          session, realm, companyId, user, claim.values(), claim.complete(), newUser);
    }
  }

  /**
   * What the next login would change for the company's people whose groups are known, if this
   * mapper's table were {@code proposed} ({@code mapperModel} may be a mapper not saved yet).
   */
  public TablePreview<T> preview(
      KeycloakSession session,
      RealmModel realm,
      IdentityProviderModel identityProvider,
      IdentityProviderMapperModel mapperModel,
      RuleTable proposed) {
    return new TablePreview<>(
        targets(session, realm, mapperModel),
        mapperModel.getId(),
        protectedTargets(
            session, mapperModel, new BrokeredIdentityContext("preview", identityProvider)),
        proposed);
  }

  /** Whether a rule of {@code mapperModel} may name {@code target}: it exists or will be made. */
  public boolean targetAvailable(
      KeycloakSession session,
      RealmModel realm,
      IdentityProviderMapperModel mapperModel,
      String target) {
    TargetKind<T> kind = targets(session, realm, mapperModel);
    return kind.createsMissing() || kind.find(target) != null;
  }

  static String claimName(IdentityProviderMapperModel mapperModel) {
    String claim = mapperModel.getConfig().get(CLAIM);
    return claim == null || claim.isBlank() ? DEFAULT_CLAIM : claim.strip();
  }

  private static List<String> rulesNaming(List<GroupRule> rules, String target) {
    List<String> labels = new ArrayList<>();
    rules.stream()
        .filter(rule -> rule.targets().contains(target))
        .forEach(rule -> labels.add(rule.label()));
    return labels;
  }

  /**
   * The properties every table mapper has: the claim and the rule table. Their admin-console labels
   * and help texts are message keys ({@code keyPrefix} + {@code Claim}, {@code Rules}, each with
   * {@code Help}) in {@code theme-resources/messages/messages_*.properties}: each mapper has its
   * own keys, since the rule table's help says what its targets are.
   */
  protected static List<ProviderConfigProperty> tableProperties(String keyPrefix) {
    ProviderConfigProperty claim = new ProviderConfigProperty();
    claim.setName(CLAIM);
    claim.setLabel(keyPrefix + "Claim");
    claim.setType(ProviderConfigProperty.STRING_TYPE);
    claim.setDefaultValue(DEFAULT_CLAIM);
    claim.setHelpText(keyPrefix + "ClaimHelp");

    ProviderConfigProperty rules = new ProviderConfigProperty();
    rules.setName(RuleTableConfig.RULES);
    rules.setLabel(keyPrefix + "Rules");
    rules.setType(ProviderConfigProperty.MAP_TYPE);
    rules.setHelpText(keyPrefix + "RulesHelp");
    return List.of(claim, rules);
  }
}
