package dev.companysso.mappers.known;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The group values a person's company IdP last sent (at a login, a SCIM change or a directory
 * sync), as a JSON array: what a mapping-table preview runs a proposed table against. One per user.
 */
@Entity
@Table(name = "CSSO_KNOWN_GROUPS")
public class KnownGroupsEntity {

  @Id
  @Column(name = "USER_ID", length = 36)
  private String userId;

  @Column(name = "REALM_ID", length = 36, nullable = false)
  private String realmId;

  @Column(name = "COMPANY_ID", length = 36, nullable = false)
  private String companyId;

  @Column(name = "GROUPS_JSON", length = 4000, nullable = false)
  private String groups;

  /** False when the IdP's list was longer than what is kept (or itself incomplete). */
  @Column(name = "COMPLETE", nullable = false)
  private boolean complete;

  @Column(name = "UPDATED_AT", nullable = false)
  private long updatedAt;

  protected KnownGroupsEntity() {}

  KnownGroupsEntity(String userId, String realmId) {
    this.userId = userId;
    this.realmId = realmId;
  }

  String userId() {
    return userId;
  }

  String groups() {
    return groups;
  }

  boolean complete() {
    return complete;
  }

  String companyId() {
    return companyId;
  }

  void set(String companyId, String groups, boolean complete, long at) {
    this.companyId = companyId;
    this.groups = groups;
    this.complete = complete;
    this.updatedAt = at;
  }
}
