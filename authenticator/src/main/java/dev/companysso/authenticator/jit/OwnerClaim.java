package dev.companysso.authenticator.jit;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.cluster.ExecutionResult;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * Decides, once per company, who its first member (and so its owner) is, even when two first logins
 * arrive at the same moment on different nodes.
 *
 * <p>The claim is the organization attribute {@code companySso.owner} ({@code userId@millis}),
 * written in its own transaction while a cluster-wide task lock is held, so it is committed before
 * any other login can look. A claim whose user never appeared (its login failed) is given up after
 * {@link #ABANDONED_AFTER}.
 */
final class OwnerClaim {

  static final String OWNER_ATTRIBUTE = "companySso.owner";
  static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);
  private static final int LOCK_SECONDS = 30;

  private final KeycloakSession session;
  private final Clock clock;

  OwnerClaim(KeycloakSession session, Clock clock) {
    this.session = session;
    this.clock = clock;
  }

  /** Whether {@code user} became the owner of {@code company}. */
  boolean claim(OrganizationModel company, UserModel user) {
    RealmModel realm = session.getContext().getRealm();
    String companyId = company.getId();
    ExecutionResult<Boolean> result =
        session
            .getProvider(ClusterProvider.class)
            .executeIfNotExecuted(
                "company-sso-owner::" + companyId,
                LOCK_SECONDS,
                () ->
                    KeycloakModelUtils.runJobInTransactionWithResult(
                        session.getKeycloakSessionFactory(),
                        claimSession -> {
                          claimSession.getContext().setRealm(realm);
                          return claimIn(claimSession, realm, companyId, user.getId());
                        }));
    // Not executed: another login holds the lock right now, and it is the first.
    return result.isExecuted() && Boolean.TRUE.equals(result.getResult());
  }

  private boolean claimIn(
      KeycloakSession claimSession, RealmModel realm, String companyId, String userId) {
    OrganizationModel company =
        claimSession.getProvider(OrganizationProvider.class).getById(companyId);
    Optional<String> current =
        company.getAttributes().getOrDefault(OWNER_ATTRIBUTE, List.of()).stream().findFirst();
    if (current.isPresent() && !abandoned(claimSession, realm, current.get())) {
      return false;
    }
    Map<String, List<String>> attributes = new HashMap<>(company.getAttributes());
    attributes.put(OWNER_ATTRIBUTE, List.of(userId + "@" + clock.millis()));
    company.setAttributes(attributes);
    return true;
  }

  private boolean abandoned(KeycloakSession claimSession, RealmModel realm, String claim) {
    int at = claim.lastIndexOf('@');
    if (at <= 0) {
      return true;
    }
    if (claimSession.users().getUserById(realm, claim.substring(0, at)) != null) {
      return false;
    }
    try {
      long claimedAt = Long.parseLong(claim.substring(at + 1));
      return clock.millis() - claimedAt > ABANDONED_AFTER.toMillis();
    } catch (NumberFormatException malformed) {
      return true;
    }
  }
}
