package dev.companysso.mappers.grouprole;

import com.google.auto.service.AutoService;
import dev.companysso.mappers.GroupRuleMapper;
import dev.companysso.mappers.sync.TargetKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.provider.ProviderConfigProperty;

/** Okta / Entra groups to realm and client roles, by one table of rules. */
@AutoService(IdentityProviderMapper.class)
public final class GroupRoleMapper extends GroupRuleMapper<RoleModel> {

  public static final String PROVIDER_ID = "company-group-role-mapper";

  /** Mapper setting: roles never removed; a company's {@code companySso.defaultRoles} wins. */
  public static final String BASELINE_ROLES = "baselineRoles";

  static final String DEFAULT_BASELINE = "Worker";

  /** The organization attribute that first-login provisioning reads for the company's roles. */
  static final String COMPANY_DEFAULT_ROLES = "companySso.defaultRoles";

  private static final List<ProviderConfigProperty> PROPERTIES = properties();

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public String getDisplayCategory() {
    return "Role Importer";
  }

  @Override
  public String getDisplayType() {
    return "Company groups to roles";
  }

  @Override
  public String getHelpText() {
    return "Grants realm and client roles from the user's IdP groups by a table of rules, and"
        + " removes on a later login only the roles this mapper granted that no longer match.";
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return PROPERTIES;
  }

  @Override
  protected TargetKind<RoleModel> targets(
      KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapperModel) {
    return new RoleTargets(session, realm);
  }

  @Override
  protected Set<String> protectedTargets(
      KeycloakSession session,
      IdentityProviderMapperModel mapperModel,
      BrokeredIdentityContext context) {
    String organizationId = context.getIdpConfig().getOrganizationId();
    OrganizationModel company =
        organizationId == null
            ? null
            : session.getProvider(OrganizationProvider.class).getById(organizationId);
    List<String> companyRoles =
        company == null
            ? List.of()
            : company.getAttributes().getOrDefault(COMPANY_DEFAULT_ROLES, List.of());
    return new LinkedHashSet<>(
        split(companyRoles.isEmpty() ? baseline(mapperModel) : String.join(",", companyRoles)));
  }

  private static String baseline(IdentityProviderMapperModel mapperModel) {
    String roles = mapperModel.getConfig().get(BASELINE_ROLES);
    return roles == null ? DEFAULT_BASELINE : roles;
  }

  private static List<String> split(String roles) {
    List<String> names = new ArrayList<>();
    Arrays.stream(roles.split("##|,"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .forEach(names::add);
    return names;
  }

  // Labels and help texts are message keys: theme-resources/messages/messages_*.properties.
  private static List<ProviderConfigProperty> properties() {
    List<ProviderConfigProperty> properties = new ArrayList<>(tableProperties("groupRoleMapper"));
    ProviderConfigProperty baseline = new ProviderConfigProperty();
    baseline.setName(BASELINE_ROLES);
    baseline.setLabel("groupRoleMapperBaselineRoles");
    baseline.setType(ProviderConfigProperty.STRING_TYPE);
    baseline.setDefaultValue(DEFAULT_BASELINE);
    baseline.setHelpText("groupRoleMapperBaselineRolesHelp");
    properties.add(baseline);
    return List.copyOf(properties);
  }
}
