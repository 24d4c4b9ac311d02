package dev.companysso.identityproviders.testsignin;

import dev.companysso.core.VerifiedEmail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.util.JsonSerialization;

/**
 * What a test sign-in brought back: the person as Keycloak read them (key, username, e-mail and
 * whether the IdP asserts it verified, names, groups) and the ID token's claims, or why it failed
 * ({@code problemCode}: an {@link dev.companysso.identityproviders.UpstreamError} name the portal
 * explains, when the IdP's answer is one).
 */
public record TestSignInResult(
    boolean signedIn,
    String problemCode,
    String problem,
    String subject,
    String username,
    String email,
    boolean emailVerified,
    String firstName,
    String lastName,
    List<String> groups,
    Map<String, Object> claims) {

  /** ID token claims worth showing; tokens carry more (hashes, times) that say nothing here. */
  private static final List<String> SHOWN_CLAIMS =
      List.of(
          "iss",
          "sub",
          "aud",
          "email",
          "email_verified",
          "name",
          "preferred_username",
          "given_name",
          "family_name",
          "groups",
          "roles",
          "tid",
          "oid",
          "xms_edov");

  static TestSignInResult failed(String problemCode, String problem) {
    return new TestSignInResult(
        false, problemCode, problem, null, null, null, false, null, null, List.of(), Map.of());
  }

  static TestSignInResult signedIn(BrokeredIdentityContext identity, JsonWebToken idToken) {
    Map<String, Object> claims = new LinkedHashMap<>();
    Map<String, Object> all = new HashMap<>(idToken.getOtherClaims());
    all.put("iss", idToken.getIssuer());
    all.put("sub", idToken.getSubject());
    all.put("aud", idToken.getAudience() == null ? null : List.of(idToken.getAudience()));
    SHOWN_CLAIMS.forEach(
        name -> {
          if (all.get(name) != null) {
            claims.put(name, all.get(name));
          }
        });
    return new TestSignInResult(
        true,
        null,
        null,
        identity.getId(),
        identity.getUsername(),
        identity.getEmail(),
        identity.getEmail() != null
            && VerifiedEmail.assertedFor(VerifiedEmail.claimsOf(identity), identity.getEmail()),
        identity.getFirstName(),
        identity.getLastName(),
        TestSignIn.groups(idToken),
        claims);
  }

  Map<String, String> toNotes() {
    try {
      return Map.of("result", JsonSerialization.writeValueAsString(this));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TestSignInResult of(Map<String, String> notes) {
    try {
      return JsonSerialization.readValue(notes.get("result"), TestSignInResult.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
