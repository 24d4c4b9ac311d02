package dev.companysso.userstorage.scim;

import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.Manager;
import com.unboundid.scim2.common.types.Meta;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.UserResource;
import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.UserModel;

/** A Keycloak user as a SCIM User (core schema and the Enterprise User extension). */
final class UserView {

  private final ScimContext context;

  UserView(ScimContext context) {
    this.context = context;
  }

  UserResource of(UserModel user) {
    UserResource resource = new UserResource();
    resource.setId(user.getId());
    resource.setExternalId(externalId(user));
    resource.setUserName(
        Objects.requireNonNullElse(
            user.getFirstAttribute(UserFields.USER_NAME), user.getUsername()));
    resource.setName(name(user));
    resource.setDisplayName(user.getFirstAttribute(UserFields.DISPLAY_NAME));
    resource.setNickName(user.getFirstAttribute(UserFields.NICKNAME));
    resource.setTitle(user.getFirstAttribute(UserFields.TITLE));
    resource.setActive(user.isEnabled());
    if (user.getEmail() != null) {
      resource.setEmails(
          List.of(new Email().setValue(user.getEmail()).setType("work").setPrimary(true)));
    }
    EnterpriseUserExtension enterprise = enterprise(user);
    if (enterprise != null) {
      resource.setExtension(enterprise);
    }
    resource.setMeta(meta(user));
    return resource;
  }

  /** The link of the company's identity provider: the id its SSO login presents. */
  String externalId(UserModel user) {
    if (context.settings.identityProvider() == null) {
      return null;
    }
    FederatedIdentityModel link =
        context
            .session
            .users()
            .getFederatedIdentity(
                context.realm, user, context.settings.identityProvider().getAlias());
    return link == null ? null : link.getUserId();
  }

  private static Name name(UserModel user) {
    String middle = user.getFirstAttribute(UserFields.MIDDLE_NAME);
    if (user.getFirstName() == null && user.getLastName() == null && middle == null) {
      return null;
    }
    String formatted =
        String.join(
            " ",
            Stream.of(user.getFirstName(), middle, user.getLastName())
                .filter(Objects::nonNull)
                .toList());
    return new Name()
        .setGivenName(user.getFirstName())
        .setMiddleName(middle)
        .setFamilyName(user.getLastName())
        .setFormatted(formatted);
  }

  private EnterpriseUserExtension enterprise(UserModel user) {
    EnterpriseUserExtension enterprise =
        new EnterpriseUserExtension()
            .setDepartment(user.getFirstAttribute(UserFields.DEPARTMENT))
            .setEmployeeNumber(user.getFirstAttribute(UserFields.EMPLOYEE_NUMBER))
            .setCostCenter(user.getFirstAttribute(UserFields.COST_CENTER))
            .setDivision(user.getFirstAttribute(UserFields.DIVISION))
            .setOrganization(user.getFirstAttribute(UserFields.ORGANIZATION));
    String managerId = user.getFirstAttribute(UserFields.MANAGER);
    if (managerId != null) {
      Manager manager = new Manager().setValue(managerId);
      UserModel managerUser = context.session.users().getUserById(context.realm, managerId);
      if (context.visible(managerUser)) {
        manager.setRef(context.location("Users", managerId));
        manager.setDisplayName(
            Objects.requireNonNullElse(
                managerUser.getFirstAttribute(UserFields.DISPLAY_NAME), managerUser.getUsername()));
      }
      enterprise.setManager(manager);
    }
    boolean empty =
        Stream.of(
                enterprise.getDepartment(),
                enterprise.getEmployeeNumber(),
                enterprise.getCostCenter(),
                enterprise.getDivision(),
                enterprise.getOrganization(),
                enterprise.getManager())
            .allMatch(Objects::isNull);
    return empty ? null : enterprise;
  }

  private Meta meta(UserModel user) {
    Calendar created = calendar(user.getCreatedTimestamp());
    String modified = user.getFirstAttribute(UserFields.LAST_MODIFIED);
    return new Meta()
        .setResourceType("User")
        .setCreated(created)
        .setLastModified(
            modified == null ? created : calendar(Instant.parse(modified).toEpochMilli()))
        .setLocation(context.location("Users", user.getId()));
  }

  static Calendar calendar(Long epochMillis) {
    if (epochMillis == null) {
      return null;
    }
    GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    calendar.setTime(new Date(epochMillis));
    return calendar;
  }
}
