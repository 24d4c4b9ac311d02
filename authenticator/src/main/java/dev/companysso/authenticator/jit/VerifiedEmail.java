package dev.companysso.authenticator.jit;

import java.util.Map;

/**
 * Whether the identity provider vouches for the e-mail it sent. Entra ID tokens (they carry a
 * {@code tid}) vouch only with {@code xms_edov} true: Entra's {@code email} is whatever an admin
 * typed and is not verified (the nOAuth class of account takeover). Others use {@code
 * email_verified}.
 */
final class VerifiedEmail {

  private VerifiedEmail() {}

  static boolean assertedBy(Map<String, Object> claims) {
    if (claims.containsKey("tid")) {
      return isTrue(claims.get("xms_edov"));
    }
    return isTrue(claims.get("email_verified"));
  }

  private static boolean isTrue(Object claim) {
    return Boolean.TRUE.equals(claim) || "true".equals(claim) || Integer.valueOf(1).equals(claim);
  }
}
