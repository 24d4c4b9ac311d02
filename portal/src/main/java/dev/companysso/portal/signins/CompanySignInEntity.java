package dev.companysso.portal.signins;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * When people of a company last signed in through its identity provider, and when the provider last
 * failed them: what the vendor view shows of a company's sign-in. One per company.
 */
@Entity
@Table(name = "CSSO_COMPANY_SIGN_IN")
public class CompanySignInEntity {

  @Id
  @Column(name = "COMPANY_ID", length = 36)
  private String companyId;

  @Column(name = "REALM_ID", length = 36, nullable = false)
  private String realmId;

  @Column(name = "LAST_SUCCESS_AT")
  private Long lastSuccessAt;

  @Column(name = "LAST_FAILURE_AT")
  private Long lastFailureAt;

  /** Keycloak's error code of the last failure, e.g. {@code identity_provider_error}. */
  @Column(name = "LAST_ERROR", length = 255)
  private String lastError;

  protected CompanySignInEntity() {}

  CompanySignInEntity(String companyId, String realmId) {
    this.companyId = companyId;
    this.realmId = realmId;
  }

  String companyId() {
    return companyId;
  }

  Long lastSuccessAt() {
    return lastSuccessAt;
  }

  Long lastFailureAt() {
    return lastFailureAt;
  }

  String lastError() {
    return lastError;
  }

  void succeeded(long at) {
    lastSuccessAt = at;
  }

  void failed(long at, String error) {
    lastFailureAt = at;
    lastError = error;
  }
}
