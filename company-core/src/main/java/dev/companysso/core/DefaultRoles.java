package dev.companysso.core;

import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The roles every account a company provisions starts with, whichever way it arrives (first login,
 * directory sync, SCIM) and which a group rule table never takes away: the company's own {@link
 * CompanyAttributes#DEFAULT_ROLES} attribute, else the provider's setting, else {@code Worker}.
 */
public final class DefaultRoles {

  public static final String FALLBACK = "Worker";

  /**
   * The role of a company's account owner: the first member's, and the portal's for its company.
   */
  public static final String OWNER = "Owner";

  private static final Logger LOG = Logger.getLogger(DefaultRoles.class);

  private DefaultRoles() {}

  /**
   * @param company the company, or null when the provider is linked to none
   * @param configured the provider's own setting ({@link SettingLists#names}); empty for the
   *     fallback
   */
  public static List<String> of(OrganizationModel company, List<String> configured) {
    if (company != null) {
      List<String> companyRoles =
          company.getAttributes().getOrDefault(CompanyAttributes.DEFAULT_ROLES, List.of()).stream()
              .flatMap(roles -> SettingLists.names(roles).stream())
              .toList();
      if (!companyRoles.isEmpty()) {
        return companyRoles;
      }
    }
    return configured.isEmpty() ? List.of(FALLBACK) : configured;
  }

  /**
   * Grants realm roles ({@code Worker}) and client roles ({@code my-app.editor}) as {@code company}
   * grants them ({@link CompanyRoles}); one that does not exist is skipped with a warning, never an
   * error, so that a login or a sync still succeeds.
   *
   * @param company the company granting, or null for a provider linked to none
   * @return the names granted
   */
  public static List<String> grant(
      RealmModel realm, OrganizationModel company, UserModel user, List<String> names) {
    CompanyRoles grants = CompanyRoles.grantedBy(realm, company);
    List<String> granted = new ArrayList<>();
    for (String name : names) {
      RoleModel role = KeycloakModelUtils.getRoleFromString(realm, name);
      if (role == null) {
        LOG.warnf(
            "Provisioning: default role '%s' does not exist in realm %s", name, realm.getName());
      } else {
        grants.grant(user, role);
        granted.add(name);
      }
    }
    return granted;
  }
}
