package dev.companysso.portal.web;

import dev.companysso.authenticator.discovery.DiscoveryExplanation;
import dev.companysso.authenticator.jit.FirstLoginExplanation;
import dev.companysso.core.Companies;
import dev.companysso.mappers.RuleExplanation;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The vendor view's explain questions, asked in the page's query and answered by the code that
 * answers the admin REST API's {@code company-sso-explain}: where a sign-in goes (for any staff,
 * the account step only for staff who may view users), and, for staff who may view users, what a
 * first login through a sign-in would decide and which rules give a person each role and team.
 * Public for the page's templates, which read only public types.
 */
public final class VendorQuestions {

  static final String DISCOVERY = "explain";
  static final String SIGN_IN = "firstLoginSignIn";
  static final String EMAIL = "firstLoginEmail";
  static final String EMAIL_VERIFIED = "firstLoginEmailVerified";
  static final String USERNAME = "firstLoginUsername";
  static final String PERSON = "person";
  static final String PERSON_SIGN_IN = "personSignIn";
  static final String PERSON_GROUPS = "personGroups";

  /** Why a question has no answer: a message key and the name typed that it is about. */
  public record Problem(String key, String about) {}

  /** A first-login question as typed, and its answer or why there is none. */
  public record FirstLogin(
      String signIn,
      String email,
      boolean emailVerified,
      String username,
      FirstLoginExplanation.Answer answer,
      Problem problem) {}

  /**
   * A question about a person as typed, and the answer for each sign-in, or why there is none.
   *
   * @param groups the groups typed, one a line; empty: those of the person's last login
   */
  public record Person(
      String person,
      String signIn,
      String groups,
      List<RuleExplanation.Answer> answers,
      Problem problem) {}

  private static final String NO_SIGN_IN = "companySsoPortalVendorExplainNoSignIn";

  private final KeycloakSession session;
  private final RealmModel realm;
  private final VendorStaff staff;

  VendorQuestions(KeycloakSession session, RealmModel realm, VendorStaff staff) {
    this.session = session;
    this.realm = realm;
    this.staff = staff;
  }

  /** The page's attributes for the questions {@code query} asks. */
  Map<String, Object> answer(MultivaluedMap<String, String> query) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("viewsUsers", staff.viewsUsers());
    typed(query, DISCOVERY)
        .ifPresent(
            input ->
                attributes.put(
                    "explained",
                    DiscoveryExplanation.explain(session, realm, input, staff.viewsUsers())));
    if (!staff.viewsUsers()) {
      return attributes;
    }
    typed(query, SIGN_IN)
        .ifPresent(
            signIn ->
                attributes.put(
                    "firstLogin",
                    firstLogin(
                        signIn,
                        typed(query, EMAIL).orElse(null),
                        "on".equals(query.getFirst(EMAIL_VERIFIED)),
                        typed(query, USERNAME).orElse(null))));
    typed(query, PERSON)
        .ifPresent(
            person ->
                attributes.put(
                    "person",
                    person(
                        person,
                        typed(query, PERSON_SIGN_IN).orElse(null),
                        typed(query, PERSON_GROUPS).orElse(null))));
    return attributes;
  }

  private FirstLogin firstLogin(
      String signIn, String email, boolean emailVerified, String username) {
    IdentityProviderModel provider = session.identityProviders().getByAlias(signIn);
    if (provider == null) {
      return new FirstLogin(
          signIn, email, emailVerified, username, null, new Problem(NO_SIGN_IN, signIn));
    }
    if (email == null && username == null) {
      return new FirstLogin(
          signIn,
          null,
          emailVerified,
          null,
          null,
          new Problem("companySsoPortalVendorExplainNoClaims", signIn));
    }
    Map<String, Object> claims = new LinkedHashMap<>();
    if (email != null) {
      claims.put("email", email);
      claims.put("email_verified", emailVerified);
    }
    if (username != null) {
      claims.put("preferred_username", username);
    }
    return new FirstLogin(
        signIn,
        email,
        emailVerified,
        username,
        FirstLoginExplanation.explain(session, realm, provider, claims),
        null);
  }

  private Person person(String person, String signIn, String groupLines) {
    UserModel user =
        Optional.ofNullable(session.users().getUserByUsername(realm, person))
            .or(() -> Optional.ofNullable(session.users().getUserByEmail(realm, person)))
            .orElse(null);
    if (user == null) {
      return new Person(
          person,
          signIn,
          groupLines,
          List.of(),
          new Problem("companySsoPortalVendorExplainNoPerson", person));
    }
    List<IdentityProviderModel> providers;
    if (signIn != null) {
      IdentityProviderModel provider = session.identityProviders().getByAlias(signIn);
      if (provider == null) {
        return new Person(person, signIn, groupLines, List.of(), new Problem(NO_SIGN_IN, signIn));
      }
      providers = List.of(provider);
    } else {
      providers = linkedCompanySignIns(user);
      if (providers.isEmpty()) {
        return new Person(
            person,
            null,
            groupLines,
            List.of(),
            new Problem("companySsoPortalVendorExplainNotLinked", user.getUsername()));
      }
    }
    List<String> groups = groupLines == null ? null : lines(groupLines);
    return new Person(
        person,
        signIn,
        groupLines,
        providers.stream()
            .map(provider -> RuleExplanation.explain(session, realm, user, provider, groups))
            .toList(),
        null);
  }

  /** The company sign-ins the person has signed in with: those whose tables their logins run. */
  private List<IdentityProviderModel> linkedCompanySignIns(UserModel user) {
    return session
        .users()
        .getFederatedIdentitiesStream(realm, user)
        .map(link -> session.identityProviders().getByAlias(link.getIdentityProvider()))
        .filter(
            provider ->
                provider != null
                    && Companies.ofIdentityProvider(session, realm, provider).isPresent())
        .toList();
  }

  /** One group a line: a group's name may hold commas (a directory's DN does). */
  private static List<String> lines(String text) {
    return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static Optional<String> typed(MultivaluedMap<String, String> query, String name) {
    return Optional.ofNullable(query.getFirst(name)).map(String::strip).filter(s -> !s.isEmpty());
  }
}
