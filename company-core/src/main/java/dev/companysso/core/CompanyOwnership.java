package dev.companysso.core;

import java.util.Objects;
import java.util.stream.Stream;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * Which accounts a company may change through its SCIM token or its directory provider: those it
 * owns. A company owns an account that it created (first-login provisioning, SCIM and directory
 * import make the account a <em>managed</em> member of the company's organization; an admin or a
 * link to an existing account makes an ordinary member), that is a member of no other company, and
 * that holds no admin role. Everything else, such as a consultant who works for two companies or an
 * admin who is also a member, is invisible to the company: one company's IdP admin must never be
 * able to rename, relink, disable or delete an account another party depends on.
 */
public final class CompanyOwnership {

  /**
   * Realm attribute: further realm roles (comma-separated names) whose holders no company may
   * change, beside every role of the realm-management client.
   */
  public static final String PROTECTED_ROLES_ATTRIBUTE = "companySso.protectedRoles";

  private CompanyOwnership() {}

  public static boolean owns(
      KeycloakSession session, RealmModel realm, OrganizationModel company, UserModel user) {
    OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
    return organizations.isManagedMember(company, user)
        && organizations.getByMember(user).allMatch(other -> other.getId().equals(company.getId()))
        && protectedRoles(realm).noneMatch(user::hasRole);
  }

  private static Stream<RoleModel> protectedRoles(RealmModel realm) {
    ClientModel realmManagement = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
    Stream<RoleModel> adminRoles =
        realmManagement == null ? Stream.empty() : realmManagement.getRolesStream();
    String named = realm.getAttribute(PROTECTED_ROLES_ATTRIBUTE);
    Stream<RoleModel> realmRoles =
        named == null
            ? Stream.empty()
            : SettingLists.names(named).stream().map(realm::getRole).filter(Objects::nonNull);
    return Stream.concat(adminRoles, realmRoles);
  }
}
