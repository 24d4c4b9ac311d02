package dev.companysso.authenticator.access;

import dev.companysso.authenticator.company.CompanyEventDetails;
import dev.companysso.core.access.AppAccess;
import java.util.Locale;
import java.util.Optional;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

/** The access verdict for a login or a refresh, and how a refusal is recorded. */
final class AppAccessRefusal {

  /** The event error of a refusal. */
  static final String ERROR = "company_sso_app_not_allowed";

  /** The event detail saying why: company-not-admitted or role-required. */
  static final String REASON = "company_sso_refusal";

  private AppAccessRefusal() {}

  /** The verdict for a session's client, judged for the provider the person signed in with. */
  static AppAccess.Verdict of(
      KeycloakSession session, RealmModel realm, AuthenticatedClientSessionModel clientSession) {
    UserSessionModel userSession = clientSession.getUserSession();
    return AppAccess.decide(
        session,
        realm,
        clientSession.getClient(),
        userSession.getUser(),
        Optional.ofNullable(userSession.getNote(Details.IDENTITY_PROVIDER)));
  }

  static AppAccess.Verdict of(
      KeycloakSession session,
      RealmModel realm,
      ClientModel client,
      UserModel user,
      Optional<String> brokerAlias) {
    return AppAccess.decide(session, realm, client, user, brokerAlias);
  }

  /** Names the company and the reason on the event, which the caller then sends as an error. */
  static EventBuilder describe(EventBuilder event, AppAccess.Verdict verdict) {
    return event
        .detail(CompanyEventDetails.COMPANY, verdict.company().getAlias())
        .detail(
            REASON,
            verdict.refusal().orElseThrow().name().toLowerCase(Locale.ROOT).replace('_', '-'));
  }
}
