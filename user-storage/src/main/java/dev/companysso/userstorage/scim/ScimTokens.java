package dev.companysso.userstorage.scim;

import dev.companysso.core.SecretTokens;
import java.time.Instant;
import java.util.Optional;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

/**
 * A company's SCIM bearer token ({@link SecretTokens}), shown once when issued; only its hash is
 * kept (a realm attribute, so it never appears on the organization, in its tokens or in its console
 * form). Issuing a new token replaces the old one at once.
 */
public final class ScimTokens {

  /** Issued token: the secret (shown once) and when it was issued. */
  public record Issued(String token, Instant created) {}

  private static final String PREFIX = "csso_scim_";

  private ScimTokens() {}

  public static Issued issue(RealmModel realm, OrganizationModel company) {
    String token = SecretTokens.newToken(PREFIX);
    Instant created = Instant.now();
    realm.setAttribute(hashAttribute(company), SecretTokens.hash(token));
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
    return SecretTokens.matches(stored, presented);
  }

  private static String hashAttribute(OrganizationModel company) {
    return "companySso.scim." + company.getId() + ".tokenHash";
  }

  private static String createdAttribute(OrganizationModel company) {
    return "companySso.scim." + company.getId() + ".tokenCreated";
  }
}
