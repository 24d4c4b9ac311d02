package dev.companysso.userstorage.scim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

/**
 * A company's SCIM bearer token: 256 random bits, shown once when issued; only its SHA-256 is kept
 * (a realm attribute, so it never appears on the organization, in its tokens or in its console
 * form). A fast hash is enough for a random secret of this size; the comparison is constant-time.
 * Issuing a new token replaces the old one at once.
 */
public final class ScimTokens {

  /** Issued token: the secret (shown once) and when it was issued. */
  public record Issued(String token, Instant created) {}

  private static final String PREFIX = "csso_scim_";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  /** Compared against when the company is unknown, so that case costs the same as a wrong token. */
  private static final byte[] NO_TOKEN = new byte[32];

  private ScimTokens() {}

  public static Issued issue(RealmModel realm, OrganizationModel company) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = PREFIX + ENCODER.encodeToString(secret);
    Instant created = Instant.now();
    realm.setAttribute(hashAttribute(company), ENCODER.encodeToString(sha256(token)));
    realm.setAttribute(createdAttribute(company), created.toString());
    return new Issued(token, created);
  }

  public static void revoke(RealmModel realm, OrganizationModel company) {
    realm.removeAttribute(hashAttribute(company));
    realm.removeAttribute(createdAttribute(company));
  }

  public static Optional<Instant> created(RealmModel realm, OrganizationModel company) {
    return Optional.ofNullable(realm.getAttribute(createdAttribute(company))).map(Instant::parse);
  }

  /** Whether {@code presented} is the company's current token; {@code company} may be null. */
  static boolean matches(RealmModel realm, OrganizationModel company, String presented) {
    String stored = company == null ? null : realm.getAttribute(hashAttribute(company));
    byte[] expected = stored == null ? NO_TOKEN : Base64.getUrlDecoder().decode(stored);
    byte[] actual = sha256(presented == null ? "" : presented);
    return MessageDigest.isEqual(expected, actual) && stored != null;
  }

  private static String hashAttribute(OrganizationModel company) {
    return "companySso.scim." + company.getId() + ".tokenHash";
  }

  private static String createdAttribute(OrganizationModel company) {
    return "companySso.scim." + company.getId() + ".tokenCreated";
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
