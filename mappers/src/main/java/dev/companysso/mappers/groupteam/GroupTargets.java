package dev.companysso.mappers.groupteam;

import dev.companysso.core.Companies;
import dev.companysso.core.KeycloakFeatures;
import dev.companysso.mappers.sync.TargetKind;
import java.util.Arrays;
import java.util.stream.Stream;
import org.keycloak.models.GroupModel;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * Keycloak groups named by path ({@code /Teams/Platform}) as targets: realm groups, or the groups
 * of the identity provider's organization. On a Keycloak without organization groups (saving such a
 * table is refused there; a realm import is not checked) the organization has no group to find,
 * make, hold or give, so a login neither grants a wrong group nor takes one away.
 */
final class GroupTargets implements TargetKind<GroupModel> {

  /** Prefix of the user attribute listing the groups one mapper added the user to. */
  static final String LEDGER_PREFIX = "companySso.teams.";

  private final KeycloakSession session;
  private final RealmModel realm;
  private final OrganizationModel company;
  private final boolean createMissing;

  /**
   * @param company the organization whose groups are meant, or {@code null} for realm groups
   */
  GroupTargets(
      KeycloakSession session, RealmModel realm, OrganizationModel company, boolean createMissing) {
    this.session = session;
    this.realm = realm;
    this.company = company;
    this.createMissing = createMissing;
  }

  @Override
  public String ledgerPrefix() {
    return LEDGER_PREFIX;
  }

  @Override
  public String describe(String path) {
    return (company == null ? "group '" : "group '" + company.getAlias() + ":") + path + "'";
  }

  @Override
  public boolean createsMissing() {
    return createMissing;
  }

  @Override
  public boolean sharesGrantsWith(IdentityProviderMapperModel other) {
    return company == null || Companies.ownsMapper(session, realm, company, other);
  }

  @Override
  public GroupModel find(String path) {
    if (company == null) {
      return KeycloakModelUtils.findGroupByPath(session, realm, path);
    }
    return KeycloakFeatures.ORGANIZATION_GROUPS.available()
        ? KeycloakModelUtils.findGroupByPath(session, realm, company, path)
        : null;
  }

  @Override
  public GroupModel findOrCreate(String path) {
    GroupModel group = find(path);
    boolean creatable =
        createMissing && (company == null || KeycloakFeatures.ORGANIZATION_GROUPS.available());
    return group != null || !creatable ? group : create(path);
  }

  /** Makes the missing groups along the path, top down. */
  private GroupModel create(String path) {
    String[] names =
        Arrays.stream(path.split("/")).filter(name -> !name.isBlank()).toArray(String[]::new);
    GroupModel parent = null;
    StringBuilder prefix = new StringBuilder();
    for (String name : names) {
      prefix.append('/').append(name);
      GroupModel existing = find(prefix.toString());
      if (existing == null) {
        existing =
            company == null
                ? session.groups().createGroup(realm, name, parent)
                : session
                    .getProvider(OrganizationProvider.class)
                    .createGroup(company, name, parent);
      }
      parent = existing;
    }
    return parent;
  }

  @Override
  public boolean holds(UserModel user, GroupModel group) {
    // A user's group list leaves out organization groups; the organization lists those.
    Stream<GroupModel> joined;
    if (company == null) {
      joined = user.getGroupsStream();
    } else if (KeycloakFeatures.ORGANIZATION_GROUPS.available()) {
      joined =
          session
              .getProvider(OrganizationProvider.class)
              .getOrganizationGroupsByMember(company, user);
    } else {
      joined = Stream.empty();
    }
    return joined.anyMatch(candidate -> candidate.getId().equals(group.getId()));
  }

  @Override
  public void give(UserModel user, GroupModel group) {
    user.joinGroup(group);
  }

  @Override
  public void take(UserModel user, GroupModel group) {
    user.leaveGroup(group);
  }
}
