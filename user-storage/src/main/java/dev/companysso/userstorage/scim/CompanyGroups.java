package dev.companysso.userstorage.scim;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.NotImplementedException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.types.Member;
import dev.companysso.core.AccountAttributes;
import dev.companysso.core.KeycloakFeatures;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/**
 * The company's SCIM groups: organization groups of the company that SCIM created (marked with the
 * company's id). Groups an admin or a team mapper made in the company are not SCIM's to change and
 * stay invisible here; a SCIM group cannot take their name.
 */
final class CompanyGroups {

  static final String EXTERNAL_ID = "companySso.scim.externalId";
  static final String LAST_MODIFIED = "companySso.scim.lastModified";
  static final String CREATED = "companySso.scim.created";

  private final ScimContext context;

  /**
   * @throws NotImplementedException on a Keycloak without organization groups, where a company has
   *     no groups of its own to keep these in
   */
  CompanyGroups(ScimContext context) throws NotImplementedException {
    if (!KeycloakFeatures.ORGANIZATION_GROUPS.available()) {
      throw new NotImplementedException(
          KeycloakFeatures.ORGANIZATION_GROUPS.missing("SCIM groups"));
    }
    this.context = context;
  }

  GroupModel get(String id) throws ResourceNotFoundException {
    GroupModel group = id == null ? null : context.session.groups().getGroupById(context.realm, id);
    if (!owned(group)) {
      throw new ResourceNotFoundException("No group " + id + " in this company.");
    }
    return group;
  }

  boolean owned(GroupModel group) {
    return group != null
        && context.company.getId().equals(group.getFirstAttribute(AccountAttributes.SCIM_OWNER));
  }

  Stream<GroupModel> all() {
    return context
        .organizations()
        .searchGroupsByAttributes(
            context.company,
            Map.of(AccountAttributes.SCIM_OWNER, context.company.getId()),
            null,
            null);
  }

  Stream<GroupModel> byDisplayName(String name) {
    return context
        .organizations()
        .searchGroupsByName(context.company, name, true, null, null)
        .filter(this::owned);
  }

  Stream<GroupModel> byExternalId(String externalId) {
    return context
        .organizations()
        .searchGroupsByAttributes(
            context.company,
            Map.of(AccountAttributes.SCIM_OWNER, context.company.getId(), EXTERNAL_ID, externalId),
            null,
            null);
  }

  GroupModel create(String displayName, String externalId) throws ScimException {
    String name = displayName(displayName);
    checkNameFree(name, null);
    GroupModel group = context.organizations().createGroup(context.company, name, null);
    group.setSingleAttribute(AccountAttributes.SCIM_OWNER, context.company.getId());
    group.setSingleAttribute(CREATED, Instant.now().toString());
    setExternalId(group, externalId);
    touched(group);
    return group;
  }

  void rename(GroupModel group, String displayName) throws ScimException {
    String name = displayName(displayName);
    if (!name.equals(group.getName())) {
      checkNameFree(name, group);
      group.setName(name);
    }
  }

  static void setExternalId(GroupModel group, String externalId) {
    if (externalId == null || externalId.isBlank()) {
      group.removeAttribute(EXTERNAL_ID);
    } else {
      group.setSingleAttribute(EXTERNAL_ID, externalId.strip());
    }
  }

  static void touched(GroupModel group) {
    group.setSingleAttribute(LAST_MODIFIED, Instant.now().toString());
  }

  /** The users a members list names; each must be a user of this company. */
  Set<UserModel> users(Collection<Member> members) throws ScimException {
    Set<UserModel> users = new LinkedHashSet<>();
    for (Member member : members == null ? List.<Member>of() : members) {
      if (member == null || member.getValue() == null || member.getValue().isBlank()) {
        throw BadRequestException.invalidValue(
            "members: each member needs a \"value\" (a user id).");
      }
      if (member.getType() != null && !member.getType().equalsIgnoreCase("User")) {
        throw BadRequestException.invalidValue(
            "members: only users can be members; '"
                + member.getValue()
                + "' is a "
                + member.getType()
                + ".");
      }
      UserModel user = context.session.users().getUserById(context.realm, member.getValue());
      if (!context.visible(user)) {
        throw BadRequestException.invalidValue(
            "members: '" + member.getValue() + "' is not a user of this company.");
      }
      users.add(user);
    }
    return users;
  }

  /** Ids of the group's members (a user's own group list leaves organization groups out). */
  Set<String> memberIds(GroupModel group) {
    Set<String> ids = new LinkedHashSet<>();
    context
        .session
        .users()
        .getGroupMembersStream(context.realm, group)
        .map(UserModel::getId)
        .forEach(ids::add);
    return ids;
  }

  UserModel user(String id) {
    return context.session.users().getUserById(context.realm, id);
  }

  private void checkNameFree(String name, GroupModel self) throws ScimException {
    boolean taken =
        context
            .organizations()
            .searchGroupsByName(context.company, name, true, null, null)
            .anyMatch(
                g ->
                    g.getParentId() == null
                        && (self == null || !Objects.equals(g.getId(), self.getId())));
    if (taken) {
      throw ResourceConflictException.uniqueness(
          "displayName: the company already has a group named '" + name + "'.");
    }
  }

  private static String displayName(String displayName) throws BadRequestException {
    if (displayName == null || displayName.isBlank()) {
      throw BadRequestException.invalidValue("displayName: a value is required.");
    }
    if (displayName.length() > 255) {
      throw BadRequestException.invalidValue("displayName: longer than 255 characters.");
    }
    return displayName.strip();
  }
}
