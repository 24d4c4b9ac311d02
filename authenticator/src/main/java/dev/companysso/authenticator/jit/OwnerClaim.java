package dev.companysso.authenticator.jit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Decides, once per company, who its first member (and so its owner) is, even when first logins
 * arrive at the same moment on different nodes: the database decides, through the primary key of
 * {@link OwnerClaimEntity}, not a cache or a lock.
 *
 * <p>The claim is inserted in a transaction of its own, committed before the login's, so a
 * simultaneous login sees it or fails on the key. The login's own transaction then confirms it: a
 * claim that stays unconfirmed (that login failed after claiming) may be taken over by a later
 * first login after {@link #ABANDONED_AFTER}, again by one conditional update the database
 * serializes. A confirmed claim is never given again, even when its owner is deleted: an admin
 * hands ownership on.
 */
final class OwnerClaim {

  static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

  /** Where an earlier release kept the claim; a company that has it has had its owner. */
  static final String LEGACY_OWNER_ATTRIBUTE = "companySso.owner";

  private static final Logger LOG = Logger.getLogger(OwnerClaim.class);

  private final KeycloakSession session;
  private final Clock clock;

  OwnerClaim(KeycloakSession session, Clock clock) {
    this.session = session;
    this.clock = clock;
  }

  /** Whether {@code user} became the owner of {@code company}; confirmed with the login. */
  boolean claim(OrganizationModel company, UserModel user) {
    if (company.getAttributes().containsKey(LEGACY_OWNER_ATTRIBUTE)) {
      return false;
    }
    boolean won =
        insert(company.getId(), user.getId()) || takeOverAbandoned(company.getId(), user.getId());
    if (won) {
      entityManager(session)
          .createQuery(
              "update OwnerClaimEntity c set c.confirmed = true"
                  + " where c.companyId = :company and c.userId = :user")
          .setParameter("company", company.getId())
          .setParameter("user", user.getId())
          .executeUpdate();
    }
    return won;
  }

  private boolean insert(String companyId, String userId) {
    try {
      return KeycloakModelUtils.runJobInTransactionWithResult(
          session.getKeycloakSessionFactory(),
          claimSession -> {
            EntityManager em = entityManager(claimSession);
            if (em.find(OwnerClaimEntity.class, companyId) != null) {
              return false;
            }
            em.persist(new OwnerClaimEntity(companyId, userId, clock.millis()));
            em.flush();
            return true;
          });
    } catch (PersistenceException | ModelException raced) {
      // A first login of the same company inserted its claim at the same moment: the key decided.
      LOG.debugf("Company %s: the owner claim was taken (%s)", companyId, raced.getMessage());
      return false;
    }
  }

  private boolean takeOverAbandoned(String companyId, String userId) {
    long now = clock.millis();
    long cutoff = now - ABANDONED_AFTER.toMillis();
    return KeycloakModelUtils.runJobInTransactionWithResult(
        session.getKeycloakSessionFactory(),
        claimSession -> {
          // A plain read first: only a claim that looks abandoned is worth a row lock.
          OwnerClaimEntity current =
              entityManager(claimSession).find(OwnerClaimEntity.class, companyId);
          if (current == null || current.confirmed() || current.claimedAt() >= cutoff) {
            return false;
          }
          return entityManager(claimSession)
                  .createQuery(
                      "update OwnerClaimEntity c set c.userId = :user, c.claimedAt = :now"
                          + " where c.companyId = :company and c.confirmed = false"
                          + " and c.claimedAt < :cutoff")
                  .setParameter("user", userId)
                  .setParameter("now", now)
                  .setParameter("company", companyId)
                  .setParameter("cutoff", cutoff)
                  .executeUpdate()
              == 1;
        });
  }

  private static EntityManager entityManager(KeycloakSession session) {
    return session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }
}
