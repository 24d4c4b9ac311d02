package dev.companysso.authenticator.jit;

import dev.companysso.core.DefaultRoles;
import dev.companysso.core.SettingLists;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.OrganizationModel;

/** The typed settings of first-login provisioning, with their defaults and company overrides. */
record JitProvisioningConfig(List<String> defaultRoles, String usernameTemplate, String ownerRole) {

  private static final Logger LOG = Logger.getLogger(JitProvisioningConfig.class);

  static final String DEFAULT_ROLES = "defaultRoles";
  static final String USERNAME_TEMPLATE = "usernameTemplate";
  static final String OWNER_ROLE = "ownerRole";

  static final String DEFAULT_OWNER_ROLE = DefaultRoles.OWNER;

  static JitProvisioningConfig of(AuthenticatorConfigModel model) {
    Map<String, String> config =
        model == null || model.getConfig() == null ? Map.of() : model.getConfig();
    String roles = config.get(DEFAULT_ROLES);
    String owner = config.get(OWNER_ROLE);
    String template = config.get(USERNAME_TEMPLATE);
    return new JitProvisioningConfig(
        SettingLists.names(roles),
        usableTemplate(template),
        owner == null || owner.isBlank() ? DEFAULT_OWNER_ROLE : owner.strip());
  }

  /**
   * Keycloak has no save-time validation for authenticator settings, so a malformed template from a
   * realm import is reported here and Keycloak's own username is used instead.
   */
  private static String usableTemplate(String template) {
    if (template == null || template.isBlank()) {
      return null;
    }
    if (!UsernameTemplate.isValid(template)) {
      LOG.warnf(
          "Company JIT provisioning: username template '%s' has no well-formed ${claim} placeholder; using the identity provider's username",
          template);
      return null;
    }
    return template.strip();
  }

  /** The roles a new member of {@code company} gets: the company's own list, else the setting. */
  List<String> rolesFor(OrganizationModel company) {
    return DefaultRoles.of(company, defaultRoles);
  }
}
