package dev.companysso.authenticator.jit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A company's first-member ownership: one row per company, its id the primary key, so that of two
 * simultaneous first logins the database lets exactly one insert succeed. {@code confirmed} is set
 * by the winning login's own transaction; an unconfirmed row means that login never completed.
 */
@Entity
@Table(name = "CSSO_OWNER_CLAIM")
public class OwnerClaimEntity {

  @Id
  @Column(name = "COMPANY_ID", length = 36)
  private String companyId;

  @Column(name = "USER_ID", length = 36, nullable = false)
  private String userId;

  @Column(name = "CLAIMED_AT", nullable = false)
  private long claimedAt;

  @Column(name = "CONFIRMED", nullable = false)
  private boolean confirmed;

  protected OwnerClaimEntity() {}

  OwnerClaimEntity(String companyId, String userId, long claimedAt) {
    this.companyId = companyId;
    this.userId = userId;
    this.claimedAt = claimedAt;
  }

  long claimedAt() {
    return claimedAt;
  }

  boolean confirmed() {
    return confirmed;
  }
}
