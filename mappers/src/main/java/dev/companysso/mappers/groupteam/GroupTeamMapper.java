package dev.companysso.mappers.groupteam;

import com.google.auto.service.AutoService;
import dev.companysso.core.Companies;
import dev.companysso.core.KeycloakFeatures;
import dev.companysso.core.ProviderIds;
import dev.companysso.core.events.CompanyEvent;
import dev.companysso.mappers.RuleTableMapper;
import dev.companysso.mappers.sync.TargetKind;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.models.GroupModel;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;

/** Okta / Entra groups to Keycloak groups (teams, departments, sites), by one table of rules. */
@AutoService(IdentityProviderMapper.class)
public final class GroupTeamMapper extends RuleTableMapper<GroupModel> {

  public static final String PROVIDER_ID = ProviderIds.GROUP_TEAM_MAPPER;

  public static final String CREATE_MISSING = "createMissing";
  public static final String ORGANIZATION_GROUPS = "organizationGroups";

  private static final List<ProviderConfigProperty> PROPERTIES = properties();

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public String getDisplayCategory() {
    return "Group Importer";
  }

  @Override
  public String getDisplayType() {
    return "Company groups to teams";
  }

  @Override
  public String getHelpText() {
    return "Adds the user to Keycloak groups (teams, departments, sites) from their IdP groups by a"
        + " table of rules, and on a later login removes only the memberships this mapper added"
        + " that no longer match.";
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return PROPERTIES;
  }

  /** Refuses the organization's groups on a Keycloak without them, naming the version. */
  @Override
  public List<String> problems(
      KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapperModel) {
    if (organizationGroups(mapperModel) && !KeycloakFeatures.ORGANIZATION_GROUPS.available()) {
      return List.of(
          KeycloakFeatures.ORGANIZATION_GROUPS.missing(
              ORGANIZATION_GROUPS + ": the groups of a company's organization"));
    }
    return super.problems(session, realm, mapperModel);
  }

  @Override
  protected TargetKind<GroupModel> targets(
      KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapperModel) {
    boolean createMissing = Boolean.parseBoolean(mapperModel.getConfig().get(CREATE_MISSING));
    OrganizationModel company =
        organizationGroups(mapperModel)
            ? Companies.ofMapper(session, realm, mapperModel).orElse(null)
            : null;
    return new GroupTargets(session, realm, company, createMissing);
  }

  private static boolean organizationGroups(IdentityProviderMapperModel mapperModel) {
    return Boolean.parseBoolean(mapperModel.getConfig().get(ORGANIZATION_GROUPS));
  }

  // Labels and help texts are message keys: theme-resources/messages/messages_*.properties.
  private static List<ProviderConfigProperty> properties() {
    List<ProviderConfigProperty> properties = new ArrayList<>(tableProperties("groupTeamMapper"));
    ProviderConfigProperty create = new ProviderConfigProperty();
    create.setName(CREATE_MISSING);
    create.setLabel("groupTeamMapperCreateMissing");
    create.setType(ProviderConfigProperty.BOOLEAN_TYPE);
    create.setDefaultValue("false");
    create.setHelpText("groupTeamMapperCreateMissingHelp");
    ProviderConfigProperty organization = new ProviderConfigProperty();
    organization.setName(ORGANIZATION_GROUPS);
    organization.setLabel("groupTeamMapperOrganizationGroups");
    organization.setType(ProviderConfigProperty.BOOLEAN_TYPE);
    organization.setDefaultValue("false");
    organization.setHelpText("groupTeamMapperOrganizationGroupsHelp");
    properties.add(create);
    properties.add(organization);
    return List.copyOf(properties);
  }

  @Override
  protected String changeEvent() {
    return CompanyEvent.TEAMS_CHANGED;
  }
}
