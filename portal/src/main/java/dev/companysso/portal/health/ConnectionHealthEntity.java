package dev.companysso.portal.health;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A company's connection health: the last scheduled (or requested) check of its identity provider,
 * when its client secret expires (as entered), and which expiry warnings have been sent, so each is
 * sent once. One per company.
 */
@Entity
@Table(name = "CSSO_CONNECTION_HEALTH")
public class ConnectionHealthEntity {

  @Id
  @Column(name = "COMPANY_ID", length = 36)
  private String companyId;

  @Column(name = "REALM_ID", length = 36, nullable = false)
  private String realmId;

  @Column(name = "CHECKED_AT")
  private Long checkedAt;

  /** The names of the checks that failed at {@code checkedAt}, comma-separated; empty when ok. */
  @Column(name = "FAILED_CHECKS", length = 255)
  private String failedChecks;

  @Column(name = "SECRET_EXPIRES_AT")
  private Long secretExpiresAt;

  /** The warnings sent, e.g. {@code secret:1767225600000}, comma-separated. */
  @Column(name = "WARNINGS_SENT", length = 1000)
  private String warningsSent;

  protected ConnectionHealthEntity() {}

  ConnectionHealthEntity(String companyId, String realmId) {
    this.companyId = companyId;
    this.realmId = realmId;
  }

  String companyId() {
    return companyId;
  }

  Long checkedAt() {
    return checkedAt;
  }

  String failedChecks() {
    return failedChecks;
  }

  Long secretExpiresAt() {
    return secretExpiresAt;
  }

  String warningsSent() {
    return warningsSent;
  }

  void checked(long at, String failed) {
    checkedAt = at;
    failedChecks = failed;
  }

  void secretExpires(Long at) {
    secretExpiresAt = at;
  }

  void warned(String sent) {
    warningsSent = sent;
  }
}
