package dev.companysso.operations.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing as Standard Webhooks specifies (standardwebhooks.com): the secret is {@code whsec_} and
 * the key in base64; the signature is {@code v1,} and the base64 HMAC-SHA256 of {@code
 * id.timestamp.body} under the key, so a receiver's Standard Webhooks library verifies it as it is.
 */
public final class WebhookSignature {

  static final String SECRET_PREFIX = "whsec_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSignature() {}

  /** A new secret: 32 random bytes. */
  static String newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The {@code webhook-signature} header of a message. */
  public static String sign(String secret, String id, long timestampSeconds, String body) {
    byte[] key =
        Base64.getDecoder()
            .decode(
                secret.startsWith(SECRET_PREFIX)
                    ? secret.substring(SECRET_PREFIX.length())
                    : secret);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] signature =
          mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
