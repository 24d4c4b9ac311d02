package dev.companysso.mappers.known;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.util.JsonSerialization;

/**
 * Each person's last known group values ({@link KnownGroupsEntity}), kept by the group tables as
 * they run, written only when the values changed.
 */
public final class KnownGroups {

  /** One person's groups as last sent. */
  public record Known(String userId, List<String> groups, boolean complete) {}

  /** Room for about 100 Entra group ids or more Okta names; longer lists are kept in part. */
  static final int MAX_JSON = 4000;

  private static final TypeReference<List<String>> LIST = new TypeReference<>() {};
  private static final Logger LOG = Logger.getLogger(KnownGroups.class);

  private KnownGroups() {}

  /**
   * Keeps {@code groups} as {@code user}'s in {@code company}, unless they are already kept. Each
   * request writes a person at most once, however many tables run.
   *
   * <p>For an account this very login created ({@code newUser}) no other request can know the id
   * yet, so the row is inserted with the login's own changes. Otherwise the write is a transaction
   * of its own: two sign-ins of one person at once may both find no row, and the loser's insert
   * must not fail a login.
   */
  public static void remember(
      KeycloakSession session,
      RealmModel realm,
      String companyId,
      UserModel user,
      List<String> groups,
      boolean complete,
      boolean newUser) {
    List<String> kept = new ArrayList<>();
    int length = 2;
    for (String group : groups) {
      length += json(List.of(group)).length() - 1;
      if (length > MAX_JSON) {
        complete = false;
        break;
      }
      kept.add(group);
    }
    String stored = json(kept);
    String marker = KnownGroups.class.getName() + "." + user.getId();
    String state = companyId + "|" + complete + "|" + stored;
    if (state.equals(session.getAttribute(marker))) {
      return;
    }
    session.setAttribute(marker, state);
    boolean whole = complete;
    if (newUser) {
      em(session).persist(row(user, realm, companyId, stored, whole));
      return;
    }
    KnownGroupsEntity current = em(session).find(KnownGroupsEntity.class, user.getId());
    if (current != null
        && stored.equals(current.groups())
        && current.complete() == complete
        && companyId.equals(current.companyId())) {
      return;
    }
    try {
      KeycloakModelUtils.runJobInTransaction(
          session.getKeycloakSessionFactory(),
          own -> write(em(own), user, realm, companyId, stored, whole));
    } catch (RuntimeException e) {
      // Another sign-in of the same person wrote the row first; its values are as recent.
      LOG.debugf(e, "Known groups of %s not written", user.getUsername());
    }
  }

  private static void write(
      EntityManager em,
      UserModel user,
      RealmModel realm,
      String companyId,
      String stored,
      boolean complete) {
    KnownGroupsEntity entity = em.find(KnownGroupsEntity.class, user.getId());
    if (entity == null) {
      em.persist(row(user, realm, companyId, stored, complete));
    } else {
      entity.set(companyId, stored, complete, System.currentTimeMillis());
    }
  }

  private static KnownGroupsEntity row(
      UserModel user, RealmModel realm, String companyId, String stored, boolean complete) {
    KnownGroupsEntity entity = new KnownGroupsEntity(user.getId(), realm.getId());
    entity.set(companyId, stored, complete, System.currentTimeMillis());
    return entity;
  }

  /** The company's people whose groups are known. */
  public static Stream<Known> of(KeycloakSession session, OrganizationModel company) {
    return em(session)
        .createQuery(
            "select k from KnownGroupsEntity k where k.companyId = :company order by k.userId",
            KnownGroupsEntity.class)
        .setParameter("company", company.getId())
        .getResultStream()
        .map(KnownGroups::known);
  }

  public static Optional<Known> of(KeycloakSession session, UserModel user) {
    return Optional.ofNullable(em(session).find(KnownGroupsEntity.class, user.getId()))
        .map(KnownGroups::known);
  }

  private static Known known(KnownGroupsEntity entity) {
    try {
      return new Known(
          entity.userId(), JsonSerialization.readValue(entity.groups(), LIST), entity.complete());
    } catch (IOException e) {
      return new Known(entity.userId(), List.of(), false);
    }
  }

  private static String json(List<String> values) {
    try {
      return JsonSerialization.writeValueAsString(values);
    } catch (IOException e) {
      throw new IllegalStateException("Group values could not be written as JSON", e);
    }
  }

  private static EntityManager em(KeycloakSession session) {
    return session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }
}
