package dev.companysso.portal.signins;

import java.time.Instant;

/**
 * How a company's sign-in went lately: the last time its provider signed someone in, and the last
 * time it failed someone, with Keycloak's error code. Either may be unknown (null).
 */
public record CompanySignIn(Instant lastSuccess, Instant lastFailure, String lastError) {

  public static final CompanySignIn NONE = new CompanySignIn(null, null, null);

  /** The provider's last answer was a failure: nobody has signed in since it failed. */
  public boolean failing() {
    return lastFailure != null && (lastSuccess == null || lastFailure.isAfter(lastSuccess));
  }

  static CompanySignIn of(CompanySignInEntity entity) {
    return new CompanySignIn(
        instant(entity.lastSuccessAt()), instant(entity.lastFailureAt()), entity.lastError());
  }

  private static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }
}
