package dev.companysso.core.admin;

import dev.companysso.core.KeycloakFeatures;
import org.keycloak.models.OrganizationModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Whether an admin may view or manage one company, as Keycloak decides it for the organization: per
 * organization where Keycloak has organization permissions, else by the realm's own rights, which
 * is what Keycloak's organization endpoints check there.
 */
public final class CompanyPermissions {

  private CompanyPermissions() {}

  public static void requireView(AdminPermissionEvaluator auth, OrganizationModel company) {
    if (KeycloakFeatures.ORGANIZATION_ADMIN_PERMISSIONS.available()) {
      auth.orgs().requireView(company);
    } else {
      auth.realm().requireViewRealm();
    }
  }

  public static void requireManage(AdminPermissionEvaluator auth, OrganizationModel company) {
    if (KeycloakFeatures.ORGANIZATION_ADMIN_PERMISSIONS.available()) {
      auth.orgs().requireManage(company);
    } else {
      auth.realm().requireManageRealm();
    }
  }
}
