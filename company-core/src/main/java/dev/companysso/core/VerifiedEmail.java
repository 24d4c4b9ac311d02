package dev.companysso.core;

import java.util.Map;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.util.JsonSerialization;

/**
 * Whether the identity provider vouches for an e-mail: its token carries exactly that address in
 * {@code email} and says it is verified. Entra ID tokens (they carry a {@code tid}) vouch only with
 * {@code xms_edov} true: Entra's {@code email} is whatever an admin typed and is not verified (the
 * nOAuth class of account takeover). Others use {@code email_verified}. The address must be the
 * token's own: the first-login flow's e-mail can be one the person typed on the review-profile
 * page, which nobody verified.
 */
public final class VerifiedEmail {

  private VerifiedEmail() {}

  /** The claims of the provider's validated ID token, whatever class the broker stored it as. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> claimsOf(BrokeredIdentityContext brokerContext) {
    Object token = brokerContext.getContextData().get(OIDCIdentityProvider.VALIDATED_ID_TOKEN);
    if (token == null) {
      return Map.of();
    }
    return JsonSerialization.mapper.convertValue(token, Map.class);
  }

  public static boolean assertedFor(Map<String, Object> claims, String email) {
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
