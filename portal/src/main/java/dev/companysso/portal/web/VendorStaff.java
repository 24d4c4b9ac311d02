package dev.companysso.portal.web;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A user of the realm who may see its companies in the vendor view (the realm-management roles
 * {@code view-organizations}, {@code view-realm}, or their manage counterparts, directly, through a
 * composite such as {@code realm-admin} or a group) and who may also create and revoke setup links
 * ({@code manage-organizations} or {@code manage-realm}), and which companies an app admits if they
 * may configure clients ({@code manage-clients} or {@code manage-realm}). These are the roles with
 * which Keycloak lets an admin of the realm view and manage organizations; per-organization
 * fine-grained permissions apply in the admin REST API only.
 */
record VendorStaff(
    UserModel user,
    boolean manages,
    boolean configuresApps,
    boolean viewsUsers,
    String csrfSecret) {

  // By name: AdminRoles names these from Keycloak 26.6; an older realm lacks the roles themselves.
  private static final String MANAGE_ORGANIZATIONS = "manage-organizations";
  private static final String VIEW_ORGANIZATIONS = "view-organizations";

  static Optional<VendorStaff> of(RealmModel realm, UserModel user, String userSessionId) {
    ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
    if (management == null) {
      return Optional.empty();
    }
    boolean manages = holdsAny(management, user, MANAGE_ORGANIZATIONS, AdminRoles.MANAGE_REALM);
    boolean views =
        manages || holdsAny(management, user, VIEW_ORGANIZATIONS, AdminRoles.VIEW_REALM);
    boolean configuresApps =
        holdsAny(management, user, AdminRoles.MANAGE_CLIENTS, AdminRoles.MANAGE_REALM);
    boolean viewsUsers = holdsAny(management, user, AdminRoles.VIEW_USERS, AdminRoles.MANAGE_USERS);
    return views
        ? Optional.of(new VendorStaff(user, manages, configuresApps, viewsUsers, userSessionId))
        : Optional.empty();
  }

  private static boolean holdsAny(ClientModel management, UserModel user, String... roles) {
    return Arrays.stream(roles)
        .map(management::getRole)
        .filter(Objects::nonNull)
        .anyMatch(user::hasRole);
  }

  String csrfToken() {
    return CsrfToken.of(csrfSecret);
  }

  boolean csrfMatches(String presented) {
    return CsrfToken.matches(csrfSecret, presented);
  }
}
