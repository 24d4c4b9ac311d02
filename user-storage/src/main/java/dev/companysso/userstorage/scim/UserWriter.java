package dev.companysso.userstorage.scim;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.UserResource;
import dev.companysso.core.AccountAttributes;
import dev.companysso.core.AccountDeactivation;
import dev.companysso.core.CompanyDomains;
import dev.companysso.core.DefaultRoles;
import dev.companysso.core.events.CompanyEvent;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.UserModel;

/**
 * Writes a SCIM User onto a Keycloak user. It owns the fields SCIM describes (names, e-mail,
 * active, the SCIM and enterprise attributes) and replaces them as sent; roles, groups, credentials
 * and every other attribute are never touched. The identity provider link is added, never moved or
 * removed: the SSO login may have made it.
 */
final class UserWriter {

  private final ScimContext context;

  UserWriter(ScimContext context) {
    this.context = context;
  }

  /** A new account for {@code desired}, or the company's SCIM-deleted account of that name. */
  UserModel create(UserResource desired) throws ScimException {
    String username = username(desired);
    checkNotForeign("userName", username);
    checkNotForeign("emails", email(desired));
    if (desired.getActive() == null) {
      desired.setActive(true);
    }
    UserModel existing = context.session.users().getUserByUsername(context.realm, username);
    if (existing != null) {
      if (!restorable(existing)) {
        throw unavailable("userName");
      }
      existing.removeAttribute(AccountAttributes.SCIM_DELETED);
      write(existing, desired);
      return existing;
    }
    checkEmailFree(email(desired), null);
    checkLinkFree(desired.getExternalId(), null);
    UserModel user = context.session.users().addUser(context.realm, username);
    user.setEnabled(true);
    user.setSingleAttribute(AccountAttributes.SCIM_OWNER, context.company.getId());
    context.organizations().addManagedMember(context.company, user);
    DefaultRoles.grant(
        context.realm, context.company, user, DefaultRoles.of(context.company, List.of()));
    write(user, desired);
    CompanyEvent.raise(
        context.session,
        context.realm,
        context.company,
        CompanyEvent.USER_PROVISIONED,
        user,
        Map.of("source", "scim"));
    return user;
  }

  /** Replaces what SCIM owns on {@code user} with {@code desired} (PUT, and PATCH's result). */
  void write(UserModel user, UserResource desired) throws ScimException {
    String username = username(desired);
    checkNotForeign("userName", username);
    checkNotForeign("emails", email(desired));
    if (!username.equals(user.getUsername())) {
      UserModel holder = context.session.users().getUserByUsername(context.realm, username);
      if (holder != null && !holder.getId().equals(user.getId())) {
        throw unavailable("userName");
      }
      user.setUsername(username);
    }
    user.setSingleAttribute(UserFields.USER_NAME, desired.getUserName().strip());
    link(user, desired.getExternalId());
    Name name = Optional.ofNullable(desired.getName()).orElseGet(Name::new);
    user.setFirstName(blankToNull(name.getGivenName()));
    user.setLastName(blankToNull(name.getFamilyName()));
    attribute(user, UserFields.MIDDLE_NAME, name.getMiddleName());
    attribute(user, UserFields.DISPLAY_NAME, desired.getDisplayName());
    attribute(user, UserFields.NICKNAME, desired.getNickName());
    attribute(user, UserFields.TITLE, desired.getTitle());
    email(user, email(desired));
    enterprise(user, extension(desired));
    if (desired.getActive() != null) {
      active(user, desired.getActive());
    }
    user.setSingleAttribute(UserFields.LAST_MODIFIED, Instant.now().toString());
  }

  /** DELETE: the company's setting says whether the account goes or is disabled and hidden. */
  void delete(UserModel user) {
    if (context.settings.deleteUsers()) {
      CompanyEvent.raise(
          context.session,
          context.realm,
          context.company,
          CompanyEvent.USER_DEPROVISIONED,
          user,
          Map.of("reason", "SCIM: deleted by " + context.company.getAlias(), "deleted", true));
      context.session.users().removeUser(context.realm, user);
      return;
    }
    AccountDeactivation.disable(
        context.session,
        context.realm,
        context.company,
        user,
        "SCIM: deleted by " + context.company.getAlias());
    user.setSingleAttribute(AccountAttributes.SCIM_DELETED, Instant.now().toString());
  }

  private void active(UserModel user, boolean active) {
    if (active) {
      AccountDeactivation.reactivate(user);
    } else if (user.isEnabled()) {
      AccountDeactivation.disable(
          context.session,
          context.realm,
          context.company,
          user,
          "SCIM: deactivated by " + context.company.getAlias());
    }
  }

  /** An account of the company SCIM deleted in "disable" mode comes back with its userName. */
  private boolean restorable(UserModel user) {
    return user.getFirstAttribute(AccountAttributes.SCIM_DELETED) != null && context.owned(user);
  }

  /**
   * A value held by an account this company may not see. The answer is the same whoever holds it,
   * and names no account: the token holder learns nothing about the rest of the realm.
   */
  private static ResourceConflictException unavailable(String attribute) {
    return ResourceConflictException.uniqueness(attribute + ": this value is not available.");
  }

  private void link(UserModel user, String externalId) throws ScimException {
    IdentityProviderModel provider = context.settings.identityProvider();
    if (provider == null || externalId == null || externalId.isBlank()) {
      return;
    }
    FederatedIdentityModel current =
        context.session.users().getFederatedIdentity(context.realm, user, provider.getAlias());
    if (current != null && current.getUserId().equals(externalId)) {
      return;
    }
    if (current != null) {
      // The link decides whose sign-in opens this account; SCIM never points it at someone else.
      throw BadRequestException.mutability(
          "externalId: the account is linked to another identity of "
              + provider.getAlias()
              + "; a link is never moved.");
    }
    checkLinkFree(externalId, user);
    context
        .session
        .users()
        .addFederatedIdentity(
            context.realm,
            user,
            new FederatedIdentityModel(provider.getAlias(), externalId, user.getUsername()));
  }

  private void checkLinkFree(String externalId, UserModel self) throws ScimException {
    IdentityProviderModel provider = context.settings.identityProvider();
    if (provider == null || externalId == null || externalId.isBlank()) {
      return;
    }
    UserModel holder =
        context
            .session
            .users()
            .getUserByFederatedIdentity(
                context.realm, new FederatedIdentityModel(provider.getAlias(), externalId, null));
    if (holder != null && (self == null || !holder.getId().equals(self.getId()))) {
      throw unavailable("externalId");
    }
  }

  private void email(UserModel user, String email) throws ScimException {
    if (Objects.equals(user.getEmail(), email)) {
      return;
    }
    checkEmailFree(email, user);
    user.setEmail(email);
    user.setEmailVerified(CompanyDomains.vouchesFor(context.company, email));
  }

  private void checkEmailFree(String email, UserModel self) throws ScimException {
    if (email == null || context.realm.isDuplicateEmailsAllowed()) {
      return;
    }
    UserModel holder = context.session.users().getUserByEmail(context.realm, email);
    if (holder != null && (self == null || !holder.getId().equals(self.getId()))) {
      throw unavailable("emails");
    }
  }

  /**
   * A userName or e-mail in a domain another company has verified is that company's: creating it
   * here would let this company's IdP receive that company's people (discovery, login_hint).
   */
  private void checkNotForeign(String attribute, String value) throws BadRequestException {
    if (value != null
        && CompanyDomains.foreignOwner(context.session, context.company, value).isPresent()) {
      throw BadRequestException.invalidValue(
          attribute + ": the domain of '" + value + "' is a verified domain of another company.");
    }
  }

  private static void enterprise(UserModel user, EnterpriseUserExtension enterprise) {
    EnterpriseUserExtension values =
        Optional.ofNullable(enterprise).orElseGet(EnterpriseUserExtension::new);
    attribute(user, UserFields.DEPARTMENT, values.getDepartment());
    attribute(user, UserFields.EMPLOYEE_NUMBER, values.getEmployeeNumber());
    attribute(user, UserFields.COST_CENTER, values.getCostCenter());
    attribute(user, UserFields.DIVISION, values.getDivision());
    attribute(user, UserFields.ORGANIZATION, values.getOrganization());
    attribute(
        user,
        UserFields.MANAGER,
        values.getManager() == null ? null : values.getManager().getValue());
  }

  private static EnterpriseUserExtension extension(UserResource desired)
      throws BadRequestException {
    try {
      return desired.getExtension(EnterpriseUserExtension.class);
    } catch (RuntimeException e) {
      throw BadRequestException.invalidValue(
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User: " + e.getMessage());
    }
  }

  private static String username(UserResource desired) throws BadRequestException {
    String userName = desired.getUserName();
    if (userName == null || userName.isBlank()) {
      throw BadRequestException.invalidValue("userName: a value is required.");
    }
    if (userName.length() > 255) {
      throw BadRequestException.invalidValue("userName: longer than 255 characters.");
    }
    return userName.strip().toLowerCase(Locale.ROOT);
  }

  /** The primary address, else the work address, else the first. */
  static String email(UserResource desired) throws BadRequestException {
    List<Email> emails = Optional.ofNullable(desired.getEmails()).orElse(List.of());
    Optional<Email> chosen =
        emails.stream()
            .filter(e -> Boolean.TRUE.equals(e.getPrimary()))
            .findFirst()
            .or(() -> emails.stream().filter(e -> "work".equalsIgnoreCase(e.getType())).findFirst())
            .or(() -> emails.stream().findFirst());
    String value = chosen.map(Email::getValue).map(String::strip).orElse(null);
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.indexOf('@') < 1 || value.endsWith("@") || value.length() > 254) {
      throw BadRequestException.invalidValue("emails: '" + value + "' is not an e-mail address.");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  private static void attribute(UserModel user, String name, String value) {
    String normalized = blankToNull(value);
    if (Objects.equals(user.getFirstAttribute(name), normalized)) {
      return;
    }
    if (normalized == null) {
      user.removeAttribute(name);
    } else {
      user.setSingleAttribute(name, normalized);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
