package dev.companysso.authenticator.access;

import dev.companysso.authenticator.jit.LinkedAccountMembership;
import dev.companysso.core.access.AppAccess;
import dev.companysso.core.events.DecisionPath;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Refuses a person their app when their company may not use it, or they lack the role their company
 * requires for it: after every browser login, whichever way it went (company flow, the tile login,
 * a password, an SSO session from another app), and only then, so that before signing in at their
 * IdP an unknown company and a company the app does not admit look the same. A required action
 * because Keycloak asks each enabled one after every authentication; it is added to the login only,
 * never to the user.
 */
final class CompanyAppAccessRequiredAction implements RequiredActionProvider {

  /** The refusal page's message when the app does not admit the company. */
  static final String COMPANY_NOT_ADMITTED = "companySsoAppNotAdmitted";

  /** The refusal page's message when the company requires a role for the app. */
  static final String ROLE_REQUIRED = "companySsoAppRoleRequired";

  @Override
  public void evaluateTriggers(RequiredActionContext context) {
    LinkedAccountMembership.completeAfterLink(context);
    boolean admitted = verdict(context).admitted();
    if (!admitted) {
      context
          .getAuthenticationSession()
          .addRequiredAction(CompanyAppAccessRequiredActionFactory.ID);
    }
    // Keycloak asks every enabled required action after each login: the last company step there
    // is, so the path it writes into the login's event is whole.
    if (DecisionPath.of(context.getAuthenticationSession()) != null) {
      DecisionPath.add(
          context.getAuthenticationSession(), "access", admitted ? "admitted" : "refused");
      context
          .getEvent()
          .detail(DecisionPath.DETAIL, DecisionPath.of(context.getAuthenticationSession()));
    }
  }

  @Override
  public void requiredActionChallenge(RequiredActionContext context) {
    AppAccess.Verdict verdict = verdict(context);
    if (verdict.admitted()) {
      context.success();
      return;
    }
    AppAccessRefusal.describe(context.getEvent().clone(), verdict)
        .event(EventType.LOGIN_ERROR)
        .error(AppAccessRefusal.ERROR);
    String message =
        verdict.refusal().orElseThrow() == AppAccess.Refusal.ROLE_REQUIRED
            ? ROLE_REQUIRED
            : COMPANY_NOT_ADMITTED;
    context.challenge(
        context
            .form()
            .setError(message, verdict.company().getName())
            .createErrorPage(Response.Status.FORBIDDEN));
  }

  /** There is nothing to answer: the page only says no. */
  @Override
  public void processAction(RequiredActionContext context) {
    requiredActionChallenge(context);
  }

  private static AppAccess.Verdict verdict(RequiredActionContext context) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    return AppAccess.decide(
        context.getSession(),
        context.getRealm(),
        authSession.getClient(),
        context.getUser(),
        Optional.ofNullable(authSession.getUserSessionNotes().get(Details.IDENTITY_PROVIDER)),
        LinkedAccountMembership.joinedCompany(authSession));
  }

  @Override
  public void close() {
    // nothing held
  }
}
