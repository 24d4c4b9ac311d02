package dev.companysso.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Bearer secrets the bundle hands out (SCIM tokens, setup links): 256 random bits behind a prefix
 * that says what they are (secret scanners and people recognise them), kept only as their SHA-256.
 * A fast hash is enough for a random secret of this size; comparisons are constant-time.
 */
public final class SecretTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private SecretTokens() {}

  /** A new secret: {@code prefix} followed by 256 random bits, base64url. */
  public static String newToken(String prefix) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return prefix + ENCODER.encodeToString(secret);
  }

  /** What is stored of a secret: its SHA-256, base64url. */
  public static String hash(String token) {
    return ENCODER.encodeToString(sha256(token));
  }

  /**
   * Whether {@code presented} hashes to {@code storedHash}, in the same time whether or not a hash
   * is stored (a null {@code storedHash} never matches).
   */
  public static boolean matches(String storedHash, String presented) {
    byte[] expected = storedHash == null ? new byte[32] : Base64.getUrlDecoder().decode(storedHash);
    byte[] actual = sha256(presented == null ? "" : presented);
    return MessageDigest.isEqual(expected, actual) && storedHash != null;
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
