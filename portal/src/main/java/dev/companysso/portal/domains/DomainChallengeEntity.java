package dev.companysso.portal.domains;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A company's claim to a domain, proved by a DNS TXT record holding its token: pending until the
 * record is found, then verified, and re-checked from then on. When a later check misses the
 * record, {@code missingSince} says so; the domain stays verified until someone acts.
 */
@Entity
@Table(name = "CSSO_DOMAIN_CHALLENGE")
public class DomainChallengeEntity {

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "REALM_ID", length = 36, nullable = false)
  private String realmId;

  @Column(name = "COMPANY_ID", length = 36, nullable = false)
  private String companyId;

  @Column(name = "DOMAIN", length = 255, nullable = false)
  private String domain;

  /** The value the TXT record carries after {@code company-sso-verification=}; not a secret. */
  @Column(name = "TOKEN", length = 64, nullable = false)
  private String token;

  @Column(name = "CREATED_AT", nullable = false)
  private long createdAt;

  @Column(name = "VERIFIED_AT")
  private Long verifiedAt;

  @Column(name = "CHECKED_AT")
  private Long checkedAt;

  @Column(name = "MISSING_SINCE")
  private Long missingSince;

  protected DomainChallengeEntity() {}

  DomainChallengeEntity(
      String id, String realmId, String companyId, String domain, String token, long createdAt) {
    this.id = id;
    this.realmId = realmId;
    this.companyId = companyId;
    this.domain = domain;
    this.token = token;
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

  String domain() {
    return domain;
  }

  String token() {
    return token;
  }

  Long verifiedAt() {
    return verifiedAt;
  }

  Long checkedAt() {
    return checkedAt;
  }

  Long missingSince() {
    return missingSince;
  }

  void found(long at) {
    if (verifiedAt == null) {
      verifiedAt = at;
    }
    checkedAt = at;
    missingSince = null;
  }

  void missed(long at) {
    checkedAt = at;
    if (verifiedAt != null && missingSince == null) {
      missingSince = at;
    }
  }
}
