package dev.companysso.authenticator.jit;

import dev.companysso.authenticator.company.CompanyEventDetails;
import dev.companysso.core.CompanyAttributes;
import dev.companysso.core.CompanyRoles;
import dev.companysso.core.DefaultRoles;
import dev.companysso.core.events.CompanyEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * What a company gives a worker on first login: membership of the organization that owns the
 * identity provider (never any other), its default roles, and ownership for its first member.
 */
final class CompanyProvisioning {

  private CompanyProvisioning() {}

  /** Provisions a user the first login just created; returns the roles granted. */
  static List<String> provisionNewUser(
      AuthenticationFlowContext context,
      UserModel user,
      OrganizationModel company,
      JitProvisioningConfig config) {
    OrganizationProvider organizations =
        context.getSession().getProvider(OrganizationProvider.class);
    organizations.addManagedMember(company, user);
    LinkedAccountMembership.joined(context.getAuthenticationSession(), company);
    KeycloakSession session = context.getSession();
    List<String> granted =
        new ArrayList<>(
            DefaultRoles.grant(context.getRealm(), company, user, config.rolesFor(company)));
    if (CompanyAttributes.isTrue(company, CompanyAttributes.FIRST_MEMBER_OWNER)
        && new OwnerClaim(session, Clock.systemUTC()).claim(company, user)) {
      granted.addAll(
          DefaultRoles.grant(context.getRealm(), company, user, List.of(config.ownerRole())));
    }
    context
        .getEvent()
        .detail(CompanyEventDetails.COMPANY, company.getAlias())
        .detail(CompanyEventDetails.ROLES, String.join(",", granted));
    recordFirstLogin(context, user);
    CompanyEvent.raise(
        session,
        context.getRealm(),
        company,
        CompanyEvent.USER_PROVISIONED,
        user,
        Map.of("source", "first-login", "roles", List.copyOf(granted)));
    return granted;
  }

  /**
   * An existing account linked without a new user: membership, and with roles per company the
   * company's default roles in it. Realm-wide, the account's roles stay as they are: the company
   * did not create it and must not widen what it holds elsewhere.
   */
  static void joinExisting(
      AuthenticationFlowContext context,
      UserModel user,
      OrganizationModel company,
      List<String> defaultRoles) {
    join(context.getSession(), context.getRealm(), context.getEvent(), user, company, defaultRoles);
    LinkedAccountMembership.joined(context.getAuthenticationSession(), company);
    recordFirstLogin(context, user);
  }

  /** {@link #joinExisting}, its details written to {@code event}. */
  static void join(
      KeycloakSession session,
      RealmModel realm,
      EventBuilder event,
      UserModel user,
      OrganizationModel company,
      List<String> defaultRoles) {
    if (!company.isMember(user)) {
      session.getProvider(OrganizationProvider.class).addMember(company, user);
      CompanyEvent.raise(
          session, realm, company, CompanyEvent.USER_LINKED, user, Map.of("source", "first-login"));
    }
    if (CompanyRoles.grantedBy(realm, company).scoped()) {
      event.detail(
          CompanyEventDetails.ROLES,
          String.join(",", DefaultRoles.grant(realm, company, user, defaultRoles)));
    }
    event.detail(CompanyEventDetails.COMPANY, company.getAlias());
  }

  /**
   * Keycloak sends its own REGISTER event from a later request that does not see this one's
   * details, so the provisioning is recorded as its own first-login event, for listeners that
   * onboard new users.
   */
  private static void recordFirstLogin(AuthenticationFlowContext context, UserModel user) {
    context.getEvent().clone().event(EventType.IDENTITY_PROVIDER_FIRST_LOGIN).user(user).success();
  }
}
