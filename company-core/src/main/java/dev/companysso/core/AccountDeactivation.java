package dev.companysso.core;

import dev.companysso.core.events.CompanyEvent;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Disables a managed user the directory sync or SCIM says is no longer active, and ends what it
 * holds now: browser and offline sessions, and tokens issued before (not-before), so access stops
 * at once. Never deletes. The reason is kept on the user: only users disabled this way are
 * re-enabled by a later sync or SCIM request, never one an admin disabled by hand.
 */
public final class AccountDeactivation {

  /** Why provisioning (sync or SCIM) disabled the user. */
  public static final String DISABLED_BY_SYNC = "companySso.directory.disabled";

  private static final Logger LOG = Logger.getLogger(AccountDeactivation.class);

  private AccountDeactivation() {}

  public static void disable(
      KeycloakSession session,
      RealmModel realm,
      OrganizationModel company,
      UserModel user,
      String reason) {
    user.setEnabled(false);
    user.setSingleAttribute(DISABLED_BY_SYNC, reason);
    session.sessions().removeUserSessions(realm, user);
    session
        .sessions()
        .getOfflineUserSessionsStream(realm, user)
        .toList()
        .forEach(offline -> session.sessions().removeOfflineUserSession(realm, offline));
    session.users().setNotBeforeForUser(realm, user, Time.currentTime());
    LOG.infof("Provisioning: disabled %s (%s)", user.getUsername(), reason);
    CompanyEvent.raise(
        session,
        realm,
        company,
        CompanyEvent.USER_DEPROVISIONED,
        user,
        Map.of("reason", reason, "deleted", false));
  }

  /** Re-enables a user this sync disabled; false for anyone else. */
  public static boolean reactivate(UserModel user) {
    if (user.isEnabled() || user.getFirstAttribute(DISABLED_BY_SYNC) == null) {
      return false;
    }
    user.setEnabled(true);
    user.removeAttribute(DISABLED_BY_SYNC);
    LOG.infof(
        "Provisioning: re-enabled %s, active again at the company's identity provider",
        user.getUsername());
    return true;
  }
}
