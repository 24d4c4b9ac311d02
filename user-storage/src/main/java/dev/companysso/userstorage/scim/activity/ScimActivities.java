package dev.companysso.userstorage.scim.activity;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.util.JsonSerialization;

/**
 * Keeps each company's {@link ScimActivity}. A provisioning run sends thousands of requests: a
 * success is written at most once a minute per node and company, a failure at most once every five
 * seconds (the first of a burst is the one to fix), always in a transaction of its own so the SCIM
 * answer never waits on or fails with it.
 */
public final class ScimActivities {

  static final int KEPT_FAILURES = 5;
  static final long SUCCESS_QUIET_MILLIS = 60_000;
  static final long FAILURE_QUIET_MILLIS = 5_000;
  private static final int DETAIL_LENGTH = 300;

  private static final Logger LOG = Logger.getLogger(ScimActivities.class);
  private static final TypeReference<List<ScimFailure>> FAILURES = new TypeReference<>() {};

  /** When this node last wrote a success and a failure per company id. */
  private static final Map<String, Long> SUCCESS_WRITTEN = new ConcurrentHashMap<>();

  private static final Map<String, Long> FAILURE_WRITTEN = new ConcurrentHashMap<>();

  private ScimActivities() {}

  /** The company's activity as last written. */
  public static ScimActivity of(KeycloakSession session, OrganizationModel company) {
    ScimActivityEntity entity = em(session).find(ScimActivityEntity.class, company.getId());
    if (entity == null) {
      return ScimActivity.NONE;
    }
    return new ScimActivity(
        Optional.ofNullable(entity.lastRequestAt()).map(Instant::ofEpochMilli),
        Optional.ofNullable(entity.lastStatus()),
        failures(entity.lastErrors()));
  }

  /** Notes one answered request of the company's endpoint; {@code detail} is null on success. */
  public static void record(
      KeycloakSessionFactory factory,
      RealmModel realm,
      OrganizationModel company,
      String request,
      int status,
      String detail) {
    long now = System.currentTimeMillis();
    boolean failed = status >= 400;
    Map<String, Long> written = failed ? FAILURE_WRITTEN : SUCCESS_WRITTEN;
    long quiet = failed ? FAILURE_QUIET_MILLIS : SUCCESS_QUIET_MILLIS;
    Long last = written.get(company.getId());
    if (last != null && now - last < quiet) {
      return;
    }
    written.put(company.getId(), now);
    String companyId = company.getId();
    String realmId = realm.getId();
    try {
      KeycloakModelUtils.runJobInTransaction(
          factory,
          session -> {
            EntityManager em = em(session);
            ScimActivityEntity entity = em.find(ScimActivityEntity.class, companyId);
            if (entity == null) {
              entity = new ScimActivityEntity(companyId, realmId);
              em.persist(entity);
            }
            entity.requested(now, status);
            if (failed) {
              List<ScimFailure> failures = new ArrayList<>(failures(entity.lastErrors()));
              failures.add(0, new ScimFailure(now, request, status, shortened(detail)));
              entity.failures(json(failures.subList(0, Math.min(KEPT_FAILURES, failures.size()))));
            }
          });
    } catch (RuntimeException e) {
      // Another node wrote the company's first row at the same moment; the next request writes.
      LOG.debugf(e, "SCIM: activity of company %s not recorded", company.getAlias());
    }
  }

  private static String shortened(String detail) {
    if (detail == null) {
      return "";
    }
    return detail.length() <= DETAIL_LENGTH ? detail : detail.substring(0, DETAIL_LENGTH) + "…";
  }

  private static List<ScimFailure> failures(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return JsonSerialization.readValue(json, FAILURES);
    } catch (IOException e) {
      LOG.debugf(e, "SCIM: unreadable failure record ignored");
      return List.of();
    }
  }

  private static String json(List<ScimFailure> failures) {
    try {
      return JsonSerialization.writeValueAsString(failures);
    } catch (IOException e) {
      throw new IllegalStateException("SCIM failures could not be written as JSON", e);
    }
  }

  private static EntityManager em(KeycloakSession session) {
    return session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }
}
