package dev.companysso.portal.links;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A setup link: what it lets its holder do for one company, until when, and which browser holds it.
 * Only hashes of its secrets are kept: the link's token (its URL) and the holding browser's cookie.
 */
@Entity
@Table(name = "CSSO_SETUP_LINK")
public class SetupLinkEntity {

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "REALM_ID", length = 36, nullable = false)
  private String realmId;

  @Column(name = "COMPANY_ID", length = 36, nullable = false)
  private String companyId;

  @Column(name = "TOKEN_HASH", length = 64, nullable = false, unique = true)
  private String tokenHash;

  /** Comma-separated {@link Section} names. */
  @Column(name = "SECTIONS", length = 255, nullable = false)
  private String sections;

  /** The realm of the admin who created the link (usually {@code master}). */
  @Column(name = "CREATED_BY_REALM", length = 36, nullable = false)
  private String createdByRealm;

  @Column(name = "CREATED_BY", length = 36, nullable = false)
  private String createdBy;

  @Column(name = "CREATED_AT", nullable = false)
  private long createdAt;

  @Column(name = "EXPIRES_AT", nullable = false)
  private long expiresAt;

  @Column(name = "REVOKED_AT")
  private Long revokedAt;

  @Column(name = "BROWSER_HASH", length = 64)
  private String browserHash;

  @Column(name = "LAST_USED_AT")
  private Long lastUsedAt;

  protected SetupLinkEntity() {}

  SetupLinkEntity(
      String id,
      String realmId,
      String companyId,
      String tokenHash,
      String sections,
      String createdByRealm,
      String createdBy,
      long createdAt,
      long expiresAt) {
    this.id = id;
    this.realmId = realmId;
    this.companyId = companyId;
    this.tokenHash = tokenHash;
    this.sections = sections;
    this.createdByRealm = createdByRealm;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
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

  String sections() {
    return sections;
  }

  String createdByRealm() {
    return createdByRealm;
  }

  String createdBy() {
    return createdBy;
  }

  long createdAt() {
    return createdAt;
  }

  long expiresAt() {
    return expiresAt;
  }

  Long revokedAt() {
    return revokedAt;
  }

  String browserHash() {
    return browserHash;
  }

  Long lastUsedAt() {
    return lastUsedAt;
  }

  void revoke(long now) {
    revokedAt = now;
  }

  void used(long now) {
    lastUsedAt = now;
  }
}
