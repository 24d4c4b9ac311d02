package dev.companysso.operations.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A subscription: where a realm's (or one company's) events are sent, signed with its secret. The
 * secret is stored as it is because each delivery is signed with it; the admin API shows it once.
 */
@Entity
@Table(name = "CSSO_WEBHOOK")
public class WebhookEntity {

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "REALM_ID", length = 36, nullable = false)
  private String realmId;

  @Column(name = "COMPANY_ID", length = 36)
  private String companyId;

  @Column(name = "URL", length = 2000, nullable = false)
  private String url;

  @Column(name = "SECRET", length = 100, nullable = false)
  private String secret;

  @Column(name = "EVENT_TYPES", length = 1000, nullable = false)
  private String eventTypes;

  @Column(name = "DESCRIPTION", length = 255)
  private String description;

  @Column(name = "ENABLED", nullable = false)
  private boolean enabled;

  @Column(name = "CREATED_AT", nullable = false)
  private long createdAt;

  protected WebhookEntity() {}

  WebhookEntity(String id, String realmId, String companyId, String secret, long createdAt) {
    this.id = id;
    this.realmId = realmId;
    this.companyId = companyId;
    this.secret = secret;
    this.createdAt = createdAt;
  }

  String id() {
    return id;
  }

  String realmId() {
    return realmId;
  }

  String companyId() {
    return companyId;
  }

  String url() {
    return url;
  }

  String secret() {
    return secret;
  }

  String eventTypes() {
    return eventTypes;
  }

  String description() {
    return description;
  }

  boolean enabled() {
    return enabled;
  }

  long createdAt() {
    return createdAt;
  }

  void settings(String url, String eventTypes, String description, boolean enabled) {
    this.url = url;
    this.eventTypes = eventTypes;
    this.description = description;
    this.enabled = enabled;
  }

  void secret(String secret) {
    this.secret = secret;
  }
}
