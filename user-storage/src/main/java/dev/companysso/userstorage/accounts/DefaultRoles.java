package dev.companysso.userstorage.accounts;

import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The roles every account a company provisions starts with: the company's own {@code
 * companySso.defaultRoles} attribute (as first-login provisioning reads it), else the provider's
 * setting, else {@code Worker}.
 */
public final class DefaultRoles {

  /** The company attribute first-login provisioning, directory sync and SCIM all read. */
  public static final String COMPANY_ATTRIBUTE = "companySso.defaultRoles";

  public static final String FALLBACK = "Worker";

  private static final Logger LOG = Logger.getLogger(DefaultRoles.class);

  private DefaultRoles() {}

  /**
   * @param configured the provider's own setting ("a,b"), or null
   */
  public static List<String> of(OrganizationModel company, String configured) {
    List<String> companyRoles =
        company.getAttributes().getOrDefault(COMPANY_ATTRIBUTE, List.of()).stream()
            .flatMap(roles -> names(roles).stream())
            .toList();
    if (!companyRoles.isEmpty()) {
      return companyRoles;
    }
    return names(configured == null ? FALLBACK : configured);
  }

  /** Grants each role; one that does not exist is skipped with a warning, never an error. */
  public static void grant(
      KeycloakSession session, RealmModel realm, UserModel user, List<String> names) {
    for (String name : names) {
      RoleModel role = KeycloakModelUtils.getRoleFromString(session, realm, name);
      if (role == null) {
        LOG.warnf(
            "Provisioning: default role '%s' does not exist in realm %s", name, realm.getName());
      } else {
        user.grantRole(role);
      }
    }
  }

  private static List<String> names(String list) {
    return Arrays.stream(list.split("##|,")).map(String::strip).filter(n -> !n.isEmpty()).toList();
  }
}
