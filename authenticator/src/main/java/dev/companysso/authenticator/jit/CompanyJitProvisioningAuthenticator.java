package dev.companysso.authenticator.jit;

import dev.companysso.authenticator.company.CompanyEventDetails;
import dev.companysso.core.Companies;
import dev.companysso.core.CompanyMetrics;
import dev.companysso.core.VerifiedEmail;
import dev.companysso.core.events.DecisionPath;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.broker.IdpCreateUserIfUniqueAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.Details;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;

/**
 * First login through a company's identity provider: creates the user (Keycloak's own "create user
 * if unique", which this extends), makes them a member of the company that owns the provider with
 * its default roles, and links an existing account only when that is safe.
 *
 * <p>Which existing account may be linked without the person's proof, and which names are another
 * company's and refused, are {@link AccountLinkRules}; everything else goes on to Keycloak's "link
 * your existing account" steps.
 */
final class CompanyJitProvisioningAuthenticator extends IdpCreateUserIfUniqueAuthenticator {

  static final String FOREIGN_DOMAIN = "companySsoForeignDomain";
  static final String FOREIGN_DOMAIN_ERROR = "company_sso_foreign_domain";

  /**
   * Auth note Keycloak's review-profile step sets when the person changed the e-mail there (a
   * literal in Keycloak, as in its own confirm-link decision, keycloak#40446).
   */
  private static final String UPDATE_PROFILE_EMAIL_CHANGED = "UPDATE_PROFILE_EMAIL_CHANGED";

  @Override
  protected void authenticateImpl(
      AuthenticationFlowContext context,
      SerializedBrokeredIdentityContext serializedCtx,
      BrokeredIdentityContext brokerContext) {
    IdentityProviderModel provider = brokerContext.getIdpConfig();
    context.getEvent().detail(Details.IDENTITY_PROVIDER, provider.getAlias());
    DecisionPath.add(context.getAuthenticationSession(), "provider", provider.getAlias());
    Optional.ofNullable(
            context.getAuthenticationSession().getAuthNote(CompanyEventDetails.DISCOVERY))
        .ifPresent(outcome -> context.getEvent().detail(CompanyEventDetails.DISCOVERY, outcome));
    Optional<OrganizationModel> company = companyOf(context, provider);
    if (company.isPresent()) {
      AccountLinkRules rules =
          new AccountLinkRules(context.getSession(), context.getRealm(), company.get());
      if (rules.anyForeign(brokerContext.getEmail(), brokerContext.getUsername())) {
        refuseForeignDomain(context);
        return;
      }
      Optional<UserModel> provisioned =
          rules.provisionedAccount(brokerContext.getUsername(), provider.getAlias());
      if (provisioned.isPresent()) {
        linkWithoutPrompt(context, provisioned.get(), company.get(), "linked-provisioned");
        return;
      }
      Optional<UserModel> trusted =
          rules.trustedAccount(
              brokerContext.getEmail(),
              Boolean.TRUE.equals(provider.isTrustEmail()),
              context.getAuthenticationSession().getAuthNote(UPDATE_PROFILE_EMAIL_CHANGED) != null,
              VerifiedEmail.claimsOf(brokerContext));
      if (trusted.isPresent()) {
        linkWithoutPrompt(context, trusted.get(), company.get(), "linked-trusted");
        return;
      }
    }
    super.authenticateImpl(context, serializedCtx, brokerContext);
  }

  @Override
  protected String getUsername(
      AuthenticationFlowContext context,
      SerializedBrokeredIdentityContext serializedCtx,
      BrokeredIdentityContext brokerContext) {
    String template = JitProvisioningConfig.of(context.getAuthenticatorConfig()).usernameTemplate();
    if (template == null) {
      return super.getUsername(context, serializedCtx, brokerContext);
    }
    Map<String, String> values = new HashMap<>();
    VerifiedEmail.claimsOf(brokerContext)
        .forEach((name, value) -> values.put(name, value == null ? null : value.toString()));
    values.put("email", brokerContext.getEmail());
    values.put("username", brokerContext.getModelUsername());
    values.put("first_name", brokerContext.getFirstName());
    values.put("last_name", brokerContext.getLastName());
    companyOf(context, brokerContext.getIdpConfig())
        .ifPresent(c -> values.put(CompanyEventDetails.COMPANY, c.getAlias()));
    // No value for a placeholder: Keycloak's own step asks the user (review profile).
    return new UsernameTemplate(template).render(values).orElse(null);
  }

  @Override
  protected void userRegisteredSuccess(
      AuthenticationFlowContext context,
      UserModel registeredUser,
      SerializedBrokeredIdentityContext serializedCtx,
      BrokeredIdentityContext brokerContext) {
    context.getEvent().detail(CompanyEventDetails.PROVISIONING, "created");
    DecisionPath.add(context.getAuthenticationSession(), "first-login", "created");
    companyOf(context, brokerContext.getIdpConfig())
        .ifPresent(
            company -> {
              CompanyMetrics.firstLogin("created");
              CompanyProvisioning.provisionNewUser(
                  context,
                  registeredUser,
                  company,
                  JitProvisioningConfig.of(context.getAuthenticatorConfig()));
            });
  }

  private static void linkWithoutPrompt(
      AuthenticationFlowContext context,
      UserModel existing,
      OrganizationModel company,
      String provisioning) {
    context.getEvent().detail(CompanyEventDetails.PROVISIONING, provisioning);
    DecisionPath.add(context.getAuthenticationSession(), "first-login", provisioning);
    CompanyMetrics.firstLogin(provisioning);
    CompanyProvisioning.joinExisting(
        context,
        existing,
        company,
        JitProvisioningConfig.of(context.getAuthenticatorConfig()).rolesFor(company));
    context.setUser(existing);
    context.success();
  }

  private static void refuseForeignDomain(AuthenticationFlowContext context) {
    DecisionPath.add(context.getAuthenticationSession(), "first-login", "refused-foreign-domain");
    context
        .getEvent()
        .detail(DecisionPath.DETAIL, DecisionPath.of(context.getAuthenticationSession()))
        .error(FOREIGN_DOMAIN_ERROR);
    CompanyMetrics.firstLogin("refused-foreign-domain");
    Response page =
        context.form().setError(FOREIGN_DOMAIN).createErrorPage(Response.Status.FORBIDDEN);
    context.failureChallenge(AuthenticationFlowError.ACCESS_DENIED, page);
  }

  /** The company (organization) that owns {@code provider}, if any. */
  static Optional<OrganizationModel> companyOf(
      AuthenticationFlowContext context, IdentityProviderModel provider) {
    return Companies.ofIdentityProvider(context.getSession(), context.getRealm(), provider);
  }
}
