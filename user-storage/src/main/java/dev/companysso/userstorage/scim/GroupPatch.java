package dev.companysso.userstorage.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.Member;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/**
 * Applies a PATCH to a company group straight onto Keycloak's membership, without loading the
 * member list into a document first (a group may have thousands of members). The forms Okta and
 * Entra ID send: {@code add}/{@code replace}/{@code remove} of {@code members} with a list of
 * {@code {"value": id}} (with or without {@code type}), {@code remove} of {@code members[value eq
 * "id"]}, Entra's {@code remove} of {@code members} with a value list, a path-less {@code replace}
 * of {@code {"displayName": …, "members": […]}}, and {@code displayName} / {@code externalId}.
 */
final class GroupPatch {

  private final CompanyGroups groups;
  private final GroupModel group;
  private final Set<UserModel> affected = new LinkedHashSet<>();
  private final Set<String> current;
  private boolean renamed;

  GroupPatch(CompanyGroups groups, GroupModel group) {
    this.groups = groups;
    this.group = group;
    this.current = groups.memberIds(group);
  }

  /** Users whose SCIM groups changed (all members when the group was renamed). */
  Set<UserModel> affected() {
    return affected;
  }

  boolean renamed() {
    return renamed;
  }

  void apply(PatchRequest request) throws ScimException {
    for (PatchOperation operation : request.getOperations()) {
      Path path = operation.getPath();
      if (path == null || path.isRoot()) {
        pathLess(operation);
      } else {
        withPath(operation, path);
      }
    }
    CompanyGroups.touched(group);
  }

  private void pathLess(PatchOperation operation) throws ScimException {
    JsonNode value = operation.getJsonNode();
    if (operation.getOpType() == PatchOpType.REMOVE || value == null || !value.isObject()) {
      throw BadRequestException.noTarget(
          "A remove needs a path; add and replace need an object value.");
    }
    for (var fields = value.fields(); fields.hasNext(); ) {
      var field = fields.next();
      switch (field.getKey().toLowerCase(Locale.ROOT)) {
        case "displayname" -> rename(field.getValue().asText(null));
        case "externalid" -> CompanyGroups.setExternalId(group, field.getValue().asText(null));
        case "members" -> members(operation.getOpType(), members(field.getValue()));
        case "id", "schemas", "meta" -> {
          // read-only or envelope fields some clients echo back
        }
        default ->
            throw BadRequestException.invalidPath(
                "'" + field.getKey() + "' is not an attribute of a Group.");
      }
    }
  }

  private void withPath(PatchOperation operation, Path path) throws ScimException {
    String attribute = UserQuery.key(path.withoutFilters());
    Filter filter = path.getElement(0).getValueFilter();
    switch (attribute) {
      case "displayname" -> {
        if (operation.getOpType() == PatchOpType.REMOVE) {
          throw BadRequestException.mutability("displayName: required, cannot be removed.");
        }
        rename(operation.getJsonNode().asText(null));
      }
      case "externalid" ->
          CompanyGroups.setExternalId(
              group,
              operation.getOpType() == PatchOpType.REMOVE
                  ? null
                  : operation.getJsonNode().asText(null));
      case "members" -> {
        if (operation.getOpType() == PatchOpType.REMOVE && filter != null) {
          remove(Set.of(memberIdIn(filter)));
        } else if (operation.getOpType() == PatchOpType.REMOVE) {
          removeListed(operation);
        } else {
          members(operation.getOpType(), members(operation.getJsonNode()));
        }
      }
      default ->
          throw BadRequestException.invalidPath(
              "'" + path + "' is not a path this service can change on a Group.");
    }
  }

  /** Entra sends remove with a value list; without one, RFC 7644 removes every member. */
  private void removeListed(PatchOperation operation) throws ScimException {
    List<Member> listed;
    try {
      listed = operation.getRemoveMemberList();
    } catch (IllegalStateException e) {
      listed = null;
    }
    if (listed == null || listed.isEmpty()) {
      remove(Set.copyOf(current));
      return;
    }
    Set<String> ids = new LinkedHashSet<>();
    for (Member member : listed) {
      if (member.getValue() == null) {
        throw BadRequestException.invalidValue("members: each member needs a \"value\".");
      }
      ids.add(member.getValue());
    }
    remove(ids);
  }

  private void members(PatchOpType op, Set<UserModel> users) {
    if (op == PatchOpType.REPLACE) {
      Set<String> keep = new LinkedHashSet<>();
      users.forEach(user -> keep.add(user.getId()));
      Set<String> leaving = new LinkedHashSet<>(current);
      leaving.removeAll(keep);
      remove(leaving);
    }
    for (UserModel user : users) {
      if (current.add(user.getId())) {
        user.joinGroup(group);
        affected.add(user);
      }
    }
  }

  /** Ids that are not members (or not users of the company) change nothing. */
  private void remove(Set<String> ids) {
    for (String id : ids) {
      if (current.remove(id)) {
        UserModel user = groups.user(id);
        user.leaveGroup(group);
        affected.add(user);
      }
    }
  }

  private void rename(String displayName) throws ScimException {
    String before = group.getName();
    groups.rename(group, displayName);
    renamed |= !before.equals(group.getName());
  }

  private Set<UserModel> members(JsonNode value) throws ScimException {
    if (value == null || value.isNull()) {
      return Set.of();
    }
    List<Member> members = new ArrayList<>();
    for (JsonNode element : value.isArray() ? value : List.of(value)) {
      members.add(ScimJson.read(element, Member.class));
    }
    return groups.users(members);
  }

  /** {@code members[value eq "id"]}: the id. */
  private static String memberIdIn(Filter filter) throws BadRequestException {
    if (filter.getFilterType() == FilterType.EQUAL
        && UserQuery.key(filter.getAttributePath()).equals("value")
        && filter.getComparisonValue().isTextual()) {
      return filter.getComparisonValue().asText();
    }
    throw BadRequestException.invalidFilter(
        "members[…]: only members[value eq \"id\"] can select a member.");
  }
}
