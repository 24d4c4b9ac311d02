package dev.companysso.userstorage.scim;

import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Meta;
import java.time.Instant;
import java.util.Objects;
import org.keycloak.models.GroupModel;

/** A company group as a SCIM Group, with or without its members. */
final class GroupView {

  private final ScimContext context;

  GroupView(ScimContext context) {
    this.context = context;
  }

  GroupResource of(GroupModel group, boolean withMembers) {
    GroupResource resource = new GroupResource();
    resource.setId(group.getId());
    resource.setDisplayName(group.getName());
    resource.setExternalId(group.getFirstAttribute(CompanyGroups.EXTERNAL_ID));
    if (withMembers) {
      resource.setMembers(
          context
              .session
              .users()
              .getGroupMembersStream(context.realm, group)
              .map(
                  user ->
                      new Member()
                          .setValue(user.getId())
                          .setType("User")
                          .setDisplay(
                              Objects.requireNonNullElse(
                                  user.getFirstAttribute(UserFields.USER_NAME), user.getUsername()))
                          .setRef(context.location("Users", user.getId())))
              .toList());
    }
    resource.setMeta(
        new Meta()
            .setResourceType("Group")
            .setCreated(time(group.getFirstAttribute(CompanyGroups.CREATED)))
            .setLastModified(time(group.getFirstAttribute(CompanyGroups.LAST_MODIFIED)))
            .setLocation(context.location("Groups", group.getId())));
    return resource;
  }

  private static java.util.Calendar time(String iso) {
    return iso == null ? null : UserView.calendar(Instant.parse(iso).toEpochMilli());
  }
}
