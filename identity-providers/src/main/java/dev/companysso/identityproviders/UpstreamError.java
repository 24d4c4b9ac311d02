package dev.companysso.identityproviders;

/**
 * Errors an IdP sends back that an end user can act on, with the login-theme message that tells
 * them what to do and the error of the Keycloak event that tells the admin what happened.
 */
public enum UpstreamError {
  /** Okta "User is not assigned to the client application", Entra AADSTS50105. */
  USER_NOT_ASSIGNED("companySsoUserNotAssigned", "company_sso_user_not_assigned"),
  /** Entra AADSTS65001 / consent_required: an admin must consent to the app first. */
  CONSENT_REQUIRED("companySsoConsentRequired", "company_sso_consent_required");

  private final String messageKey;
  private final String eventError;

  UpstreamError(String messageKey, String eventError) {
    this.messageKey = messageKey;
    this.eventError = eventError;
  }

  public String messageKey() {
    return messageKey;
  }

  public String eventError() {
    return eventError;
  }
}
