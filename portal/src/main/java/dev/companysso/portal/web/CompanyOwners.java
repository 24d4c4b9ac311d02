package dev.companysso.portal.web;

import dev.companysso.core.DefaultRoles;
import java.util.Comparator;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * The company a signed-in user may run in the portal: the one they are a member of while holding
 * the realm's Owner role. The role is realm-wide, so a member of several companies is not admitted:
 * which company they own cannot be told.
 */
final class CompanyOwners {

  private CompanyOwners() {}

  static Optional<OrganizationModel> companyOf(
      KeycloakSession session, RealmModel realm, UserModel user) {
    RoleModel owner = realm.getRole(DefaultRoles.OWNER);
    if (owner == null || !user.hasRole(owner) || !realm.isOrganizationsEnabled()) {
      return Optional.empty();
    }
    var companies =
        session
            .getProvider(OrganizationProvider.class)
            .getByMember(user)
            .filter(OrganizationModel::isEnabled)
            .sorted(Comparator.comparing(OrganizationModel::getAlias))
            .limit(2)
            .toList();
    return companies.size() == 1 ? Optional.of(companies.get(0)) : Optional.empty();
  }
}
