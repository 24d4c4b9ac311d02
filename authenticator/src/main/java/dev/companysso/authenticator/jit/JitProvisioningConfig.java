package dev.companysso.authenticator.jit;

import java.util.Arrays;
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

  /** Organization attribute replacing the default roles for one company. */
  static final String COMPANY_DEFAULT_ROLES = "companySso.defaultRoles";

  /** Organization attribute: "true" makes the company's first member its owner. */
  static final String COMPANY_FIRST_MEMBER_OWNER = "companySso.firstMemberOwner";

  static final String DEFAULT_ROLE = "Worker";
  static final String DEFAULT_OWNER_ROLE = "Owner";

  static JitProvisioningConfig of(AuthenticatorConfigModel model) {
    Map<String, String> config =
        model == null || model.getConfig() == null ? Map.of() : model.getConfig();
    String roles = config.get(DEFAULT_ROLES);
    String owner = config.get(OWNER_ROLE);
    String template = config.get(USERNAME_TEMPLATE);
    return new JitProvisioningConfig(
        roles == null || roles.isBlank() ? List.of(DEFAULT_ROLE) : split(roles),
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

  /** The roles a new member of {@code company} gets: the company's own list, else the default. */
  List<String> rolesFor(OrganizationModel company) {
    List<String> override = company.getAttributes().getOrDefault(COMPANY_DEFAULT_ROLES, List.of());
    List<String> roles = override.stream().flatMap(value -> split(value).stream()).toList();
    return roles.isEmpty() ? defaultRoles : roles;
  }

  static boolean firstMemberOwner(OrganizationModel company) {
    return company
        .getAttributes()
        .getOrDefault(COMPANY_FIRST_MEMBER_OWNER, List.of())
        .contains("true");
  }

  /** Keycloak's multivalued settings use "##"; admins also type commas. */
  static List<String> split(String value) {
    return Arrays.stream(value.split("##|,")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
