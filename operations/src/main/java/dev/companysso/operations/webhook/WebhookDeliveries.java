package dev.companysso.operations.webhook;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The outbox: deliveries written with the change they tell, claimed by one node at a time, and
 * their log. A claim is a conditional update of the row, so two nodes asking for the same delivery
 * in the same instant cannot both get it, on any database Keycloak supports.
 */
public final class WebhookDeliveries {

  /** A delivery as the log shows it. */
  public record Delivery(
      String id,
      String type,
      String status,
      int attempts,
      String createdAt,
      String lastAttemptAt,
      Integer lastResponse,
      String lastError,
      String deliveredAt,
      String nextAttemptAt) {}

  /** What a node needs to send a delivery it claimed. */
  record Claimed(String id, String url, String secret, String payload, int attempts) {}

  /**
   * Waits after each failed attempt, as Standard Webhooks senders do (5 s, 5 min, 30 min, 2 h, 5 h,
   * 10 h, 10 h): a receiver down for a day still gets everything; then the delivery fails for good
   * and waits for an admin's redelivery.
   */
  static final List<Duration> RETRIES =
      List.of(
          Duration.ofSeconds(5),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(5),
          Duration.ofHours(10),
          Duration.ofHours(10));

  /** How long a node holds a claimed delivery: far beyond one attempt's timeouts. */
  static final Duration CLAIM = Duration.ofMinutes(2);

  private final KeycloakSession session;
  private final RealmModel realm;

  public WebhookDeliveries(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
  }

  void enqueue(WebhookEntity webhook, String type, String payload, Instant now) {
    em().persist(
            new WebhookDeliveryEntity(
                "msg_" + KeycloakModelUtils.generateId().replace("-", ""),
                webhook.realmId(),
                webhook.id(),
                type,
                payload,
                now.toEpochMilli()));
  }

  /** The newest deliveries of a subscription first. */
  public List<Delivery> log(String webhookId, int first, int max) {
    return em().createQuery(
            "select d from WebhookDeliveryEntity d where d.webhookId = :webhook"
                + " and d.realmId = :realm order by d.createdAt desc, d.id",
            WebhookDeliveryEntity.class)
        .setParameter("webhook", webhookId)
        .setParameter("realm", realm.getId())
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultStream()
        .map(WebhookDeliveries::view)
        .toList();
  }

  /** Sends a delivery again from now, whatever became of it. */
  public Optional<Delivery> redeliver(String webhookId, String deliveryId) {
    return Optional.ofNullable(em().find(WebhookDeliveryEntity.class, deliveryId))
        .filter(d -> d.webhookId().equals(webhookId) && d.realmId().equals(realm.getId()))
        .map(
            d -> {
              d.redeliver(Instant.now().toEpochMilli());
              return view(d);
            });
  }

  void forget(String webhookId) {
    em().createQuery("delete from WebhookDeliveryEntity d where d.webhookId = :webhook")
        .setParameter("webhook", webhookId)
        .executeUpdate();
  }

  /**
   * Claims up to {@code limit} deliveries due now, of enabled subscriptions, in any realm: each one
   * only if no other node holds it.
   */
  static List<Claimed> claimDue(EntityManager em, Instant now, int limit) {
    long at = now.toEpochMilli();
    List<WebhookDeliveryEntity> due =
        em.createQuery(
                "select d from WebhookDeliveryEntity d where d.status = :pending"
                    + " and d.nextAttemptAt <= :now"
                    + " and (d.claimedUntil is null or d.claimedUntil < :now)"
                    + " and exists (select w.id from WebhookEntity w"
                    + " where w.id = d.webhookId and w.enabled = true)"
                    + " order by d.nextAttemptAt",
                WebhookDeliveryEntity.class)
            .setParameter("pending", WebhookDeliveryEntity.PENDING)
            .setParameter("now", at)
            .setMaxResults(limit)
            .getResultList();
    List<Claimed> claimed = new ArrayList<>();
    for (WebhookDeliveryEntity delivery : due) {
      int taken =
          em.createQuery(
                  "update WebhookDeliveryEntity d set d.claimedUntil = :until"
                      + " where d.id = :id and d.status = :pending"
                      + " and (d.claimedUntil is null or d.claimedUntil < :now)")
              .setParameter("until", at + CLAIM.toMillis())
              .setParameter("id", delivery.id())
              .setParameter("pending", WebhookDeliveryEntity.PENDING)
              .setParameter("now", at)
              .executeUpdate();
      WebhookEntity webhook = em.find(WebhookEntity.class, delivery.webhookId());
      if (taken == 1 && webhook != null) {
        claimed.add(
            new Claimed(
                delivery.id(),
                webhook.url(),
                webhook.secret(),
                delivery.payload(),
                delivery.attempts()));
      }
    }
    return claimed;
  }

  /** Records an attempt: delivered, or failed with the next attempt's time, if any is left. */
  static void record(
      EntityManager em, String id, Instant at, Integer response, String error, boolean delivered) {
    WebhookDeliveryEntity delivery = em.find(WebhookDeliveryEntity.class, id);
    if (delivery == null) {
      return; // its subscription was removed meanwhile
    }
    long now = at.toEpochMilli();
    if (delivered) {
      delivery.delivered(now, response);
    } else {
      int failedSoFar = delivery.attempts();
      Long next = failedSoFar < RETRIES.size() ? now + RETRIES.get(failedSoFar).toMillis() : null;
      delivery.failed(now, response, error, next);
    }
  }

  private static Delivery view(WebhookDeliveryEntity d) {
    return new Delivery(
        d.id(),
        d.eventType(),
        d.status(),
        d.attempts(),
        instant(d.createdAt()),
        instant(d.lastAttemptAt()),
        d.lastResponse(),
        d.lastError(),
        instant(d.deliveredAt()),
        WebhookDeliveryEntity.PENDING.equals(d.status()) ? instant(d.nextAttemptAt()) : null);
  }

  private static String instant(Long epochMillis) {
    return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).toString();
  }

  private EntityManager em() {
    return session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }
}
