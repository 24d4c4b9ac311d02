package dev.companysso.authenticator.jit;

import dev.companysso.authenticator.company.CompanyEventDetails;
import dev.companysso.authenticator.company.FlowSteps;
import dev.companysso.core.Companies;
import dev.companysso.core.CompanyDomains;
import dev.companysso.core.VerifiedEmail;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * What a first login through a sign-in would decide for a person the provider describes by these
 * claims, and why: the same rules in the same order as the first-login step, with nothing created,
 * linked or counted.
 */
public final class FirstLoginExplanation {

  /**
   * The decision.
   *
   * @param decision {@code create}, {@code link} (without asking: {@code how} says why), {@code
   *     confirm-link} (Keycloak asks the person to prove the existing account), {@code refuse}, or
   *     {@code keycloak} (not a company sign-in: Keycloak's own first login)
   * @param account the username the account would get, or the existing account's
   * @param roles the roles a new account starts with
   * @param foreign for {@code refuse}: the name in another company's domain, and that company
   * @param unvouched for {@code confirm-link}: what keeps the link from being made without asking
   *     ({@link #UNVOUCHED})
   * @param reasons the same in words
   */
  public record Answer(
      String identityProvider,
      String company,
      String decision,
      String how,
      String account,
      List<String> roles,
      Foreign foreign,
      List<String> unvouched,
      List<String> reasons) {}

  /** A name in a domain another company has verified. */
  public record Foreign(String name, String owner) {}

  /**
   * What must all hold for an existing account to be linked without asking, by the code an answer
   * names it with when it does not.
   */
  public static final Map<String, String> UNVOUCHED =
      Map.of(
          "provider-not-trusted", "the provider is not trusted for e-mails",
          "email-not-verified-by-provider", "the provider does not say the e-mail is verified",
          "account-email-not-verified", "the account's e-mail is not verified",
          "domain-not-the-company", "the domain is not one the company has verified");

  private FirstLoginExplanation() {}

  /**
   * @param claims the provider's claims: {@code email}, {@code email_verified}, {@code
   *     preferred_username}, {@code given_name}, {@code family_name}
   */
  public static Answer explain(
      KeycloakSession session,
      RealmModel realm,
      IdentityProviderModel provider,
      Map<String, Object> claims) {
    String email = text(claims.get("email"));
    String username = Optional.ofNullable(text(claims.get("preferred_username"))).orElse(email);
    List<String> reasons = new ArrayList<>();
    Optional<OrganizationModel> company = Companies.ofIdentityProvider(session, realm, provider);
    if (company.isEmpty()) {
      reasons.add(provider.getAlias() + " belongs to no company: Keycloak's own first login runs.");
      return new Answer(
          provider.getAlias(), null, "keycloak", null, null, List.of(), null, List.of(), reasons);
    }
    String code = company.get().getAlias();
    AccountLinkRules rules = new AccountLinkRules(session, realm, company.get());
    for (String value : new String[] {email, username}) {
      Optional<OrganizationModel> owner =
          value == null
              ? Optional.empty()
              : CompanyDomains.foreignOwner(session, company.get(), value);
      if (owner.isPresent()) {
        reasons.add(
            value
                + " is in a domain "
                + owner.get().getAlias()
                + " has verified: "
                + code
                + " may not create or link it.");
        return new Answer(
            provider.getAlias(),
            code,
            "refuse",
            null,
            null,
            List.of(),
            new Foreign(value, owner.get().getAlias()),
            List.of(),
            reasons);
      }
    }
    Optional<UserModel> provisioned = rules.provisionedAccount(username, provider.getAlias());
    if (provisioned.isPresent()) {
      reasons.add(
          "SCIM of " + code + " created " + provisioned.get().getUsername() + ", not yet linked.");
      return link(provider, code, "linked-provisioned", provisioned.get(), reasons);
    }
    Optional<UserModel> trusted =
        rules.trustedAccount(email, Boolean.TRUE.equals(provider.isTrustEmail()), false, claims);
    if (trusted.isPresent()) {
      reasons.add(
          "The provider is trusted for e-mails and verified "
              + email
              + ", the account's e-mail is verified, and the domain is "
              + code
              + "'s.");
      return link(provider, code, "linked-trusted", trusted.get(), reasons);
    }
    UserModel existing = existingAccount(session, realm, email, username);
    JitProvisioningConfig config = config(realm, provider);
    if (existing != null) {
      List<String> unvouched = unvouched(session, provider, existing, email, claims, code);
      reasons.add(
          "An account "
              + existing.getUsername()
              + " has this e-mail or username, and not every party vouches for the address"
              + (unvouched.isEmpty()
                  ? ""
                  : unvouched.stream()
                      .map(UNVOUCHED::get)
                      .collect(Collectors.joining("; ", " (", ")")))
              + ": Keycloak asks the person to sign in to it once to link it.");
      return new Answer(
          provider.getAlias(),
          code,
          "confirm-link",
          null,
          existing.getUsername(),
          List.of(),
          null,
          unvouched,
          reasons);
    }
    String newUsername = username(config, claims, email, username, code);
    reasons.add("No account has this e-mail or username: a new account, member of " + code + ".");
    return new Answer(
        provider.getAlias(),
        code,
        "create",
        null,
        newUsername,
        config.rolesFor(company.get()),
        null,
        List.of(),
        reasons);
  }

  private static Answer link(
      IdentityProviderModel provider,
      String code,
      String how,
      UserModel account,
      List<String> reasons) {
    return new Answer(
        provider.getAlias(),
        code,
        "link",
        how,
        account.getUsername(),
        List.of(),
        null,
        List.of(),
        reasons);
  }

  /** The account Keycloak's own "create user if unique" step would find. */
  private static UserModel existingAccount(
      KeycloakSession session, RealmModel realm, String email, String username) {
    UserModel byEmail =
        email == null || realm.isDuplicateEmailsAllowed()
            ? null
            : session.users().getUserByEmail(realm, email);
    if (byEmail != null) {
      return byEmail;
    }
    return username == null
        ? null
        : session.users().getUserByUsername(realm, username.toLowerCase(Locale.ROOT));
  }

  private static List<String> unvouched(
      KeycloakSession session,
      IdentityProviderModel provider,
      UserModel existing,
      String email,
      Map<String, Object> claims,
      String code) {
    List<String> missing = new ArrayList<>();
    if (!Boolean.TRUE.equals(provider.isTrustEmail())) {
      missing.add("provider-not-trusted");
    }
    if (email != null && !VerifiedEmail.assertedFor(claims, email)) {
      missing.add("email-not-verified-by-provider");
    }
    if (!existing.isEmailVerified()) {
      missing.add("account-email-not-verified");
    }
    boolean ours =
        CompanyDomains.domainOf(email == null ? "" : email)
            .flatMap(domain -> CompanyDomains.verifiedOwner(session, domain))
            .map(owner -> owner.getAlias().equals(code))
            .orElse(false);
    if (!ours) {
      missing.add("domain-not-the-company");
    }
    return missing;
  }

  private static String username(
      JitProvisioningConfig config,
      Map<String, Object> claims,
      String email,
      String username,
      String code) {
    if (config.usernameTemplate() == null) {
      return username == null ? null : username.toLowerCase(Locale.ROOT);
    }
    Map<String, String> values = new HashMap<>();
    claims.forEach((name, value) -> values.put(name, text(value)));
    values.put("email", email);
    values.put("username", username);
    values.put("first_name", text(claims.get("given_name")));
    values.put("last_name", text(claims.get("family_name")));
    values.put(CompanyEventDetails.COMPANY, code);
    return new UsernameTemplate(config.usernameTemplate()).render(values).orElse(null);
  }

  /** The first-login step's settings in the flow this provider's first logins run. */
  private static JitProvisioningConfig config(RealmModel realm, IdentityProviderModel provider) {
    AuthenticationFlowModel flow =
        provider.getFirstBrokerLoginFlowId() != null
            ? realm.getAuthenticationFlowById(provider.getFirstBrokerLoginFlowId())
            : realm.getFirstBrokerLoginFlow();
    return JitProvisioningConfig.of(
        FlowSteps.find(realm, flow, CompanyJitProvisioningAuthenticatorFactory.PROVIDER_ID)
            .map(execution -> FlowSteps.config(realm, execution))
            .orElse(null));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
