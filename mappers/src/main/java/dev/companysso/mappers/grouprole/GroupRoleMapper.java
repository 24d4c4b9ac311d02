package dev.companysso.mappers.grouprole;

import com.google.auto.service.AutoService;
import dev.companysso.core.Companies;
import dev.companysso.core.DefaultRoles;
import dev.companysso.core.ProviderIds;
import dev.companysso.core.SettingLists;
import dev.companysso.core.events.CompanyEvent;
import dev.companysso.mappers.RuleTableMapper;
import dev.companysso.mappers.sync.TargetKind;
import java.util.ArrayList;
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
import org.keycloak.provider.ProviderConfigProperty;

/** Okta / Entra groups to realm and client roles, by one table of rules. */
@AutoService(IdentityProviderMapper.class)
public final class GroupRoleMapper extends RuleTableMapper<RoleModel> {

  public static final String PROVIDER_ID = ProviderIds.GROUP_ROLE_MAPPER;

  /** Mapper setting: roles never removed; a company's {@code companySso.defaultRoles} wins. */
  public static final String BASELINE_ROLES = "baselineRoles";

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
    return new RoleTargets(
        session, realm, Companies.ofMapper(session, realm, mapperModel).orElse(null));
  }

  @Override
  protected Set<String> protectedTargets(
      KeycloakSession session,
      IdentityProviderMapperModel mapperModel,
      BrokeredIdentityContext context) {
    OrganizationModel company =
        Companies.ofIdentityProvider(
                session, session.getContext().getRealm(), context.getIdpConfig())
            .orElse(null);
    return new LinkedHashSet<>(
        DefaultRoles.of(company, SettingLists.names(mapperModel.getConfig().get(BASELINE_ROLES))));
  }

  // Labels and help texts are message keys: theme-resources/messages/messages_*.properties.
  private static List<ProviderConfigProperty> properties() {
    List<ProviderConfigProperty> properties = new ArrayList<>(tableProperties("groupRoleMapper"));
    ProviderConfigProperty baseline = new ProviderConfigProperty();
    baseline.setName(BASELINE_ROLES);
    baseline.setLabel("groupRoleMapperBaselineRoles");
    baseline.setType(ProviderConfigProperty.STRING_TYPE);
    baseline.setDefaultValue(DefaultRoles.FALLBACK);
    baseline.setHelpText("groupRoleMapperBaselineRolesHelp");
    properties.add(baseline);
    return List.copyOf(properties);
  }

  @Override
  protected String changeEvent() {
    return CompanyEvent.ROLES_CHANGED;
  }
}
