package dev.companysso.authenticator.jit;

import java.util.Map;

/**
 * Whether the identity provider vouches for an e-mail: its token carries exactly that address in
 * {@code email} and says it is verified. Entra ID tokens (they carry a {@code tid}) vouch only with
 * {@code xms_edov} true: Entra's {@code email} is whatever an admin typed and is not verified (the
 * nOAuth class of account takeover). Others use {@code email_verified}. The address must be the
 * token's own: the first-login flow's e-mail can be one the person typed on the review-profile
 * page, which nobody verified.
 */
final class VerifiedEmail {

  private VerifiedEmail() {}

  static boolean assertedFor(Map<String, Object> claims, String email) {
    if (email == null || !(claims.get("email") instanceof String tokenEmail)) {
      return false;
    }
    boolean vouched =
        claims.containsKey("tid")
            ? isTrue(claims.get("xms_edov"))
            : isTrue(claims.get("email_verified"));
    return vouched && tokenEmail.strip().equalsIgnoreCase(email.strip());
  }

  private static boolean isTrue(Object claim) {
    return Boolean.TRUE.equals(claim) || "true".equals(claim) || Integer.valueOf(1).equals(claim);
  }
}
