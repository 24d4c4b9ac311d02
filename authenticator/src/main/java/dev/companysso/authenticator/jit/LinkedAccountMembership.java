package dev.companysso.authenticator.jit;

import dev.companysso.core.Companies;
import dev.companysso.core.DefaultRoles;
import java.util.List;
import java.util.Optional;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Company membership for an account linked in a way that skips the rest of the first-login flow: a
 * person who proves an existing account by signing in through another sign-in already linked to it
 * (a consultant whose account Acme created, linking Contoso's) is taken by Keycloak straight to the
 * end of the first login, past the step that joins the company ({@link
 * CompanyMembershipAuthenticator}). Required actions are the one step Keycloak runs after every
 * login, so the required action that judges app access completes the membership first: it must see
 * the person's companies as they are.
 */
public final class LinkedAccountMembership {

  /**
   * Auth note: the company this login's first-login steps already made the person a member of, so
   * the check after the login need not ask the database again.
   */
  static final String JOINED = "companySso.joinedCompany";

  private LinkedAccountMembership() {}

  /** The company (id) this login's own first-login steps made the person a member of, if any. */
  public static Optional<String> joinedCompany(AuthenticationSessionModel authSession) {
    return Optional.ofNullable(authSession.getAuthNote(JOINED));
  }

  /**
   * Records that this login's own first-login steps made the person a member of {@code company}.
   */
  static void joined(AuthenticationSessionModel authSession, OrganizationModel company) {
    authSession.setAuthNote(JOINED, company.getId());
  }

  /** Joins the company of the provider this login just linked, if the person is not a member. */
  public static void completeAfterLink(RequiredActionContext context) {
    String linked =
        context
            .getAuthenticationSession()
            .getAuthNote(AbstractIdpAuthenticator.FIRST_BROKER_LOGIN_SUCCESS);
    if (linked == null) {
      return;
    }
    KeycloakSession session = context.getSession();
    UserModel user = context.getUser();
    Optional.ofNullable(session.identityProviders().getByAlias(linked))
        .flatMap(provider -> Companies.ofIdentityProvider(session, context.getRealm(), provider))
        .filter(
            company ->
                joinedCompany(context.getAuthenticationSession())
                    .filter(company.getId()::equals)
                    .isEmpty())
        .filter(company -> !company.isMember(user))
        .ifPresent(
            company ->
                CompanyProvisioning.join(
                    session,
                    context.getRealm(),
                    context.getEvent(),
                    user,
                    company,
                    DefaultRoles.of(company, List.of())));
  }
}
