package dev.companysso.portal.web;

import dev.companysso.core.CompanyRoles;
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
 * The company a signed-in user may run in the portal: the one company they hold the Owner role in
 * ({@link CompanyRoles}: in that company, or realm-wide in their only company). A person who owns
 * several is not admitted: which company they mean cannot be told.
 */
final class CompanyOwners {

  private CompanyOwners() {}

  static Optional<OrganizationModel> companyOf(
      KeycloakSession session, RealmModel realm, UserModel user) {
    RoleModel owner = realm.getRole(DefaultRoles.OWNER);
    if (owner == null || !realm.isOrganizationsEnabled()) {
      return Optional.empty();
    }
    var owned =
        session
            .getProvider(OrganizationProvider.class)
            .getByMember(user)
            .filter(OrganizationModel::isEnabled)
            .filter(company -> CompanyRoles.holds(realm, user, company, owner))
            .sorted(Comparator.comparing(OrganizationModel::getAlias))
            .limit(2)
            .toList();
    return owned.size() == 1 ? Optional.of(owned.get(0)) : Optional.empty();
  }
}
