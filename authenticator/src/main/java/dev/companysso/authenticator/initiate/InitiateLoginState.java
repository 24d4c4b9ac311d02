package dev.companysso.authenticator.initiate;

import java.util.Optional;
import org.keycloak.common.util.Time;
import org.keycloak.crypto.HashException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.utils.PkceUtils;
import org.keycloak.representations.JsonWebToken;

/**
 * The application and its target URL, carried through the brokered login in the OAuth {@code
 * state}: a JWT signed with the realm's internal key, so nobody can write one, and bound to the
 * browser that started the login by the PKCE challenge of a secret only that browser holds (in a
 * cookie), so nobody can replay one from another browser.
 */
record InitiateLoginState(String clientId, String targetLinkUri, String challenge) {

  static final String TYPE = "company-sso-initiate";
  static final int LIFETIME_SECONDS = 600;

  private static final String CLIENT = "client";
  private static final String TARGET = "target";

  /** The state for a login whose browser holds {@code verifier}. */
  static InitiateLoginState of(String clientId, String targetLinkUri, String verifier) {
    return new InitiateLoginState(clientId, targetLinkUri, challengeOf(verifier));
  }

  String sign(KeycloakSession session, String issuer) {
    JsonWebToken token =
        new JsonWebToken()
            .issuedNow()
            .exp((long) Time.currentTime() + LIFETIME_SECONDS)
            .issuer(issuer)
            .type(TYPE);
    token.setSubject(challenge);
    token.setOtherClaims(CLIENT, clientId);
    token.setOtherClaims(TARGET, targetLinkUri);
    return session.tokens().encode(token);
  }

  /**
   * The state, if Keycloak signed it for this realm, it has not expired, and the browser presenting
   * it holds the verifier it was bound to.
   */
  static Optional<InitiateLoginState> verify(
      KeycloakSession session, String issuer, String state, String verifier) {
    if (state == null || state.isBlank() || verifier == null || verifier.isBlank()) {
      return Optional.empty();
    }
    JsonWebToken token = session.tokens().decode(state, JsonWebToken.class);
    if (token == null
        || !token.isActive()
        || !TYPE.equals(token.getType())
        || !issuer.equals(token.getIssuer())
        || !challengeOf(verifier).equals(token.getSubject())
        || !(token.getOtherClaims().get(CLIENT) instanceof String clientId)
        || !(token.getOtherClaims().get(TARGET) instanceof String target)) {
      return Optional.empty();
    }
    return Optional.of(new InitiateLoginState(clientId, target, token.getSubject()));
  }

  static String challengeOf(String verifier) {
    try {
      return PkceUtils.generateS256CodeChallenge(verifier);
    } catch (HashException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
