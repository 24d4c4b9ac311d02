package dev.companysso.portal.sso;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A company's sign-in settings as its admin entered them in the portal, kept apart from the live
 * identity provider: they go live only when enabled, so editing a working connection never breaks
 * sign-in. One per company.
 */
@Entity
@Table(name = "CSSO_SSO_DRAFT")
public class SsoDraftEntity {

  @Id
  @Column(name = "COMPANY_ID", length = 36)
  private String companyId;

  @Column(name = "REALM_ID", length = 36, nullable = false)
  private String realmId;

  /** {@code okta} or {@code entra-id}: the identity provider type. */
  @Column(name = "PROVIDER_ID", length = 36, nullable = false)
  private String providerId;

  /** The form's values as a JSON object, the client secret included (never shown back). */
  @Column(name = "SETTINGS", length = 4000, nullable = false)
  private String settings;

  @Column(name = "UPDATED_AT", nullable = false)
  private long updatedAt;

  /** When a test sign-in through these settings last succeeded; cleared by every change. */
  @Column(name = "TESTED_AT")
  private Long testedAt;

  protected SsoDraftEntity() {}

  SsoDraftEntity(String companyId, String realmId) {
    this.companyId = companyId;
    this.realmId = realmId;
  }

  String realmId() {
    return realmId;
  }

  String providerId() {
    return providerId;
  }

  String settings() {
    return settings;
  }

  long updatedAt() {
    return updatedAt;
  }

  Long testedAt() {
    return testedAt;
  }

  void update(String providerId, String settings, long now) {
    this.providerId = providerId;
    this.settings = settings;
    this.updatedAt = now;
    this.testedAt = null;
  }

  void tested(long now) {
    this.testedAt = now;
  }
}
