package dev.companysso.userstorage.scim.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * When a company's provisioning client last called its SCIM endpoint, with what answer, and its
 * last few failed requests (JSON): what the portal shows the company's IT admin. One per company.
 */
@Entity
@Table(name = "CSSO_SCIM_ACTIVITY")
public class ScimActivityEntity {

  @Id
  @Column(name = "COMPANY_ID", length = 36)
  private String companyId;

  @Column(name = "REALM_ID", length = 36, nullable = false)
  private String realmId;

  @Column(name = "LAST_REQUEST_AT")
  private Long lastRequestAt;

  @Column(name = "LAST_STATUS")
  private Integer lastStatus;

  /** The newest failures first, as a JSON array of {@link ScimFailure}. */
  @Column(name = "LAST_ERRORS", length = 4000)
  private String lastErrors;

  protected ScimActivityEntity() {}

  ScimActivityEntity(String companyId, String realmId) {
    this.companyId = companyId;
    this.realmId = realmId;
  }

  String companyId() {
    return companyId;
  }

  Long lastRequestAt() {
    return lastRequestAt;
  }

  Integer lastStatus() {
    return lastStatus;
  }

  String lastErrors() {
    return lastErrors;
  }

  void requested(long at, int status) {
    lastRequestAt = at;
    lastStatus = status;
  }

  void failures(String json) {
    lastErrors = json;
  }
}
