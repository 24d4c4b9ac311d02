package dev.companysso.userstorage.directory;

import dev.companysso.core.AccountDeactivation;
import dev.companysso.core.CompanyDomains;
import dev.companysso.core.CompanyGroupRules;
import dev.companysso.core.CompanyOwnership;
import dev.companysso.core.DefaultRoles;
import dev.companysso.core.events.CompanyEvent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * The Keycloak side of one directory provider's users, inside one transaction. A user belongs to
 * the provider when the provider created it or when it carries the company's federated identity
 * link for the same directory id and the company owns it (a first-login account): it is created,
 * updated, reactivated and disabled here. Any other account is never touched, even when its
 * username or e-mail matches: that is a conflict for the admin, never a link.
 */
final class DirectoryAccounts {

  /** The id of the directory provider that manages the user. */
  static final String OWNER = "companySso.directory";

  /** The run id of the last full read that listed the user as active. */
  static final String LAST_SEEN = "companySso.directory.seen";

  private final KeycloakSession session;
  private final RealmModel realm;
  private final DirectoryConfig config;
  private final CompanyGroupRules rules;
  private final SyncReport report;

  DirectoryAccounts(
      KeycloakSession session,
      RealmModel realm,
      DirectoryConfig config,
      CompanyGroupRules rules,
      SyncReport report) {
    this.session = session;
    this.realm = realm;
    this.config = config;
    this.rules = rules;
    this.report = report;
  }

  /**
   * Applies one user as the directory lists them.
   *
   * @param active true, false, or null when the listing does not say (a delta without the status)
   * @param runId the full run's id, stamped on users listed as active; null for a changed-users run
   * @param toDisable receives the ids of managed users the listing says are no longer active
   */
  void apply(DirectoryUser listed, Boolean active, String runId, List<String> toDisable) {
    UserModel user =
        session
            .users()
            .getUserByFederatedIdentity(
                realm,
                new FederatedIdentityModel(
                    config.identityProvider().getAlias(), listed.id(), null));
    if (user == null) {
      if (!Boolean.TRUE.equals(active)) {
        report.skippedInactive++;
        return;
      }
      user = create(listed);
      if (user == null) {
        return;
      }
    } else {
      if (!manages(user)) {
        return;
      }
      if (Boolean.FALSE.equals(active)) {
        if (user.isEnabled()) {
          toDisable.add(user.getId());
        }
        return;
      }
      boolean changed = updateProfile(user, listed.profile());
      if (Boolean.TRUE.equals(active) && AccountDeactivation.reactivate(user)) {
        report.reactivated++;
      } else if (changed) {
        report.updated++;
      }
    }
    if (runId != null && Boolean.TRUE.equals(active)) {
      user.setSingleAttribute(LAST_SEEN, runId);
    }
    if (listed.groups() != null) {
      rules.apply(
          session,
          realm,
          user,
          config.identityProvider(),
          listed.id(),
          listed.username(),
          listed.groups());
    }
  }

  /**
   * Whether this provider manages the linked user; adopts an account the company owns that first
   * login created. An account the company does not own ({@link CompanyOwnership}: shared with
   * another company, an admin, linked by hand) is never touched.
   */
  private boolean manages(UserModel user) {
    if (!CompanyOwnership.owns(session, realm, config.company(), user)) {
      report.conflict(user.getUsername() + ": not an account of this company alone; left as it is");
      return false;
    }
    String owner = user.getFirstAttribute(OWNER);
    if (owner == null) {
      user.setSingleAttribute(OWNER, config.componentId());
      return true;
    }
    if (!owner.equals(config.componentId())) {
      report.conflict(
          user.getUsername() + ": managed by another directory provider (" + owner + ")");
      return false;
    }
    return true;
  }

  private UserModel create(DirectoryUser listed) {
    if (listed.username() == null || listed.username().isBlank()) {
      report.failure(listed.id() + ": listed without a username");
      return null;
    }
    String username = listed.username().toLowerCase(Locale.ROOT);
    String email = listed.profile().get("email");
    if (foreign(username) || foreign(email)) {
      report.conflict(username + ": in a verified domain of another company; not imported");
      return null;
    }
    if (session.users().getUserByUsername(realm, username) != null) {
      report.conflict(username + ": an account this directory does not manage has this username");
      return null;
    }
    if (emailTaken(email)) {
      report.conflict(username + ": an account this directory does not manage has " + email);
      return null;
    }
    UserModel user = session.users().addUser(realm, username);
    user.setEnabled(true);
    user.setSingleAttribute(OWNER, config.componentId());
    updateProfile(user, listed.profile());
    session
        .users()
        .addFederatedIdentity(
            realm,
            user,
            new FederatedIdentityModel(
                config.identityProvider().getAlias(), listed.id(), listed.username()));
    session.getProvider(OrganizationProvider.class).addManagedMember(config.company(), user);
    DefaultRoles.grant(realm, config.company(), user, config.defaultRoles());
    CompanyEvent.raise(
        session,
        realm,
        config.company(),
        CompanyEvent.USER_PROVISIONED,
        user,
        Map.of("source", "directory", "identityProvider", config.identityProvider().getAlias()));
    report.created++;
    return user;
  }

  private boolean updateProfile(UserModel user, Map<String, String> profile) {
    boolean changed = false;
    for (Map.Entry<String, String> field : profile.entrySet()) {
      String value =
          field.getValue() == null || field.getValue().isBlank() ? null : field.getValue();
      switch (field.getKey()) {
        case UserModel.FIRST_NAME -> {
          if (!Objects.equals(user.getFirstName(), value)) {
            user.setFirstName(value);
            changed = true;
          }
        }
        case UserModel.LAST_NAME -> {
          if (!Objects.equals(user.getLastName(), value)) {
            user.setLastName(value);
            changed = true;
          }
        }
        case UserModel.EMAIL -> changed |= updateEmail(user, value);
        default -> {
          if (!Objects.equals(user.getFirstAttribute(field.getKey()), value)) {
            if (value == null) {
              user.removeAttribute(field.getKey());
            } else {
              user.setSingleAttribute(field.getKey(), value);
            }
            changed = true;
          }
        }
      }
    }
    return changed;
  }

  private boolean updateEmail(UserModel user, String email) {
    String normalized = email == null ? null : email.toLowerCase(Locale.ROOT);
    if (Objects.equals(user.getEmail(), normalized)) {
      return false;
    }
    if (emailTaken(normalized) || foreign(normalized)) {
      report.conflict(
          user.getUsername()
              + ": kept its e-mail; "
              + normalized
              + " belongs to another account or company");
      return false;
    }
    user.setEmail(normalized);
    user.setEmailVerified(CompanyDomains.vouchesFor(config.company(), normalized));
    return true;
  }

  private boolean foreign(String emailOrUsername) {
    return CompanyDomains.foreignOwner(session, config.company(), emailOrUsername).isPresent();
  }

  private boolean emailTaken(String email) {
    return email != null
        && !realm.isDuplicateEmailsAllowed()
        && session.users().getUserByEmail(realm, email) != null;
  }
}
