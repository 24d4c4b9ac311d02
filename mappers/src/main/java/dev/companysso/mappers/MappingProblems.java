package dev.companysso.mappers;

import dev.companysso.core.CompanyMetrics;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Reports a rule that could not be applied at login. The login goes on: a table gone stale (a role
 * deleted after the rule was saved) must not lock a company out. Each problem is a warning in the
 * server log and an error event the realm's event settings store.
 */
final class MappingProblems {

  /** The error of the event when a rule names a role or group that does not exist. */
  static final String TARGET_MISSING = "company_sso_mapping_target_missing";

  /** The error of the event when a rule saved without validation (realm import) is unreadable. */
  static final String RULE_INVALID = "company_sso_mapping_rule_invalid";

  static final String MAPPER = "company_sso_mapper";
  static final String RULES = "company_sso_rules";
  static final String TARGET = "company_sso_target";

  private static final Logger LOG = Logger.getLogger(MappingProblems.class);

  private final KeycloakSession session;
  private final RealmModel realm;
  private final UserModel user;
  private final IdentityProviderMapperModel mapper;
  private final BrokeredIdentityContext context;

  MappingProblems(
      KeycloakSession session,
      RealmModel realm,
      UserModel user,
      IdentityProviderMapperModel mapper,
      BrokeredIdentityContext context) {
    this.session = session;
    this.realm = realm;
    this.user = user;
    this.mapper = mapper;
    this.context = context;
  }

  void missingTarget(String target, List<String> rules) {
    LOG.warnf(
        "Mapper '%s' of identity provider '%s': %s grants '%s', which does not exist in realm"
            + " '%s'; skipped. Fix the rule or create it.",
        mapper.getName(),
        mapper.getIdentityProviderAlias(),
        String.join(", ", rules),
        target,
        realm.getName());
    event().detail(RULES, String.join(", ", rules)).detail(TARGET, target).error(TARGET_MISSING);
    CompanyMetrics.mappingProblem("target-missing");
  }

  void invalidRule(String problem) {
    LOG.warnf(
        "Mapper '%s' of identity provider '%s': %s Skipped.",
        mapper.getName(), mapper.getIdentityProviderAlias(), problem);
    event().detail(RULES, problem).error(RULE_INVALID);
    CompanyMetrics.mappingProblem("rule-invalid");
  }

  private EventBuilder event() {
    // A directory sync runs the tables outside any HTTP request: no client connection then.
    EventBuilder event =
        session.getContext().getConnection() == null
            ? new EventBuilder(realm, session)
            : new EventBuilder(realm, session, session.getContext().getConnection());
    if (context.getAuthenticationSession() != null) {
      event.client(context.getAuthenticationSession().getClient());
    }
    return event
        .event(EventType.IDENTITY_PROVIDER_POST_LOGIN_ERROR)
        .user(user)
        .detail(Details.IDENTITY_PROVIDER, mapper.getIdentityProviderAlias())
        .detail(Details.IDENTITY_PROVIDER_USERNAME, context.getUsername())
        .detail(MAPPER, mapper.getName());
  }
}
