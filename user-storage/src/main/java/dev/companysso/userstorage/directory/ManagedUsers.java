package dev.companysso.userstorage.directory;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Two questions about the users a directory provider manages, asked of Keycloak's JPA store in one
 * indexed query each. Keycloak's user search pages by offset over a sort by username, which made
 * the scan after a full read of 100,000 users quadratic; and "not stamped by this run" is not a
 * search Keycloak offers.
 */
final class ManagedUsers {

  private ManagedUsers() {}

  static long count(KeycloakSession session, RealmModel realm, String componentId) {
    return entityManager(session)
        .createQuery(
            "select count(u) from UserEntity u join u.attributes owner"
                + " where u.realmId = :realm and owner.name = :owner and owner.value = :id",
            Long.class)
        .setParameter("realm", realm.getId())
        .setParameter("owner", DirectoryAccounts.OWNER)
        .setParameter("id", componentId)
        .getSingleResult();
  }

  /** The ids of enabled managed users that the full run {@code runId} did not stamp as active. */
  static List<String> unconfirmed(
      KeycloakSession session, RealmModel realm, String componentId, String runId) {
    return entityManager(session)
        .createQuery(
            "select u.id from UserEntity u join u.attributes owner"
                + " where u.realmId = :realm and u.enabled = true"
                + " and owner.name = :owner and owner.value = :id"
                + " and not exists (select seen.id from UserAttributeEntity seen"
                + " where seen.user = u and seen.name = :seen and seen.value = :run)",
            String.class)
        .setParameter("realm", realm.getId())
        .setParameter("owner", DirectoryAccounts.OWNER)
        .setParameter("id", componentId)
        .setParameter("seen", DirectoryAccounts.LAST_SEEN)
        .setParameter("run", runId)
        .getResultList();
  }

  private static EntityManager entityManager(KeycloakSession session) {
    return session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }
}
