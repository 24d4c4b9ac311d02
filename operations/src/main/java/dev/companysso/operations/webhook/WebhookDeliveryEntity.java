package dev.companysso.operations.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One event for one subscription: a row of the outbox, written in the transaction of the change it
 * tells, sent and retried from here until delivered or out of attempts, and kept as the delivery
 * log. Its id is the {@code webhook-id} the receiver sees on every attempt.
 */
@Entity
@Table(name = "CSSO_WEBHOOK_DELIVERY")
public class WebhookDeliveryEntity {

  static final String PENDING = "PENDING";
  static final String DELIVERED = "DELIVERED";
  static final String FAILED = "FAILED";

  @Id
  @Column(name = "ID", length = 40)
  private String id;

  @Column(name = "REALM_ID", length = 36, nullable = false)
  private String realmId;

  @Column(name = "WEBHOOK_ID", length = 36, nullable = false)
  private String webhookId;

  @Column(name = "EVENT_TYPE", length = 64, nullable = false)
  private String eventType;

  @Column(name = "PAYLOAD", length = 25500, nullable = false)
  private String payload;

  @Column(name = "CREATED_AT", nullable = false)
  private long createdAt;

  @Column(name = "STATUS", length = 16, nullable = false)
  private String status;

  @Column(name = "ATTEMPTS", nullable = false)
  private int attempts;

  @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
  private long nextAttemptAt;

  @Column(name = "CLAIMED_UNTIL")
  private Long claimedUntil;

  @Column(name = "LAST_ATTEMPT_AT")
  private Long lastAttemptAt;

  @Column(name = "LAST_RESPONSE")
  private Integer lastResponse;

  @Column(name = "LAST_ERROR", length = 255)
  private String lastError;

  @Column(name = "DELIVERED_AT")
  private Long deliveredAt;

  protected WebhookDeliveryEntity() {}

  WebhookDeliveryEntity(
      String id,
      String realmId,
      String webhookId,
      String eventType,
      String payload,
      long createdAt) {
    this.id = id;
    this.realmId = realmId;
    this.webhookId = webhookId;
    this.eventType = eventType;
    this.payload = payload;
    this.createdAt = createdAt;
    this.status = PENDING;
    this.nextAttemptAt = createdAt;
  }

  String id() {
    return id;
  }

  String realmId() {
    return realmId;
  }

  String webhookId() {
    return webhookId;
  }

  String eventType() {
    return eventType;
  }

  String payload() {
    return payload;
  }

  long createdAt() {
    return createdAt;
  }

  String status() {
    return status;
  }

  int attempts() {
    return attempts;
  }

  long nextAttemptAt() {
    return nextAttemptAt;
  }

  Long lastAttemptAt() {
    return lastAttemptAt;
  }

  Integer lastResponse() {
    return lastResponse;
  }

  String lastError() {
    return lastError;
  }

  Long deliveredAt() {
    return deliveredAt;
  }

  void delivered(long at, int response) {
    attempted(at, response, null);
    status = DELIVERED;
    deliveredAt = at;
  }

  /** A failed attempt; {@code next} null: no attempts left. */
  void failed(long at, Integer response, String error, Long next) {
    attempted(at, response, error);
    if (next == null) {
      status = FAILED;
    } else {
      nextAttemptAt = next;
    }
  }

  /** Sends it again from now, as an admin asks; the attempts so far stay counted. */
  void redeliver(long now) {
    status = PENDING;
    nextAttemptAt = now;
    claimedUntil = null;
  }

  private void attempted(long at, Integer response, String error) {
    attempts++;
    lastAttemptAt = at;
    lastResponse = response;
    lastError = error == null ? null : error.substring(0, Math.min(255, error.length()));
    claimedUntil = null;
  }
}
