package dev.companysso.authenticator.initiate;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Carries the application and its target URL through the brokered login in the OAuth {@code state}.
 * It is not trusted on the way back: the callback checks the target again.
 */
record InitiateLoginState(String clientId, String targetLinkUri) {

  private static final char SEPARATOR = '\n';

  String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((clientId + SEPARATOR + targetLinkUri).getBytes(StandardCharsets.UTF_8));
  }

  static Optional<InitiateLoginState> decode(String state) {
    if (state == null || state.isBlank()) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getUrlDecoder().decode(state), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    int separator = decoded.indexOf(SEPARATOR);
    if (separator <= 0 || separator == decoded.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(
        new InitiateLoginState(decoded.substring(0, separator), decoded.substring(separator + 1)));
  }
}
