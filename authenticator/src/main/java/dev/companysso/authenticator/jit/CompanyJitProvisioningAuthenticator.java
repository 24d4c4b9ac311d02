package dev.companysso.authenticator.jit;

import dev.companysso.authenticator.company.CompanyEventDetails;
import dev.companysso.core.CompanyDomains;
import dev.companysso.core.CompanyOwnership;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.broker.IdpCreateUserIfUniqueAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.Details;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.util.JsonSerialization;

/**
 * First login through a company's identity provider: creates the user (Keycloak's own "create user
 * if unique", which this extends), makes them a member of the company that owns the provider with
 * its default roles, and links an existing account only when that is safe.
 *
 * <p>An account the company provisioned through SCIM under the provider's sign-in name is linked at
 * once. An existing account with the same e-mail or username is linked without proof only when the
 * provider is trusted ("Trust email"), the provider vouches for the e-mail ({@link VerifiedEmail}),
 * the local e-mail is verified, and its domain is a verified domain of this company. Otherwise the
 * flow goes on to Keycloak's "link your existing account" steps. An e-mail or username whose domain
 * belongs to another company is refused: one company's tenant must not create or take over accounts
 * in another's namespace.
 */
final class CompanyJitProvisioningAuthenticator extends IdpCreateUserIfUniqueAuthenticator {

  static final String FOREIGN_DOMAIN = "companySsoForeignDomain";
  static final String FOREIGN_DOMAIN_ERROR = "company_sso_foreign_domain";

  /** Set by the SCIM endpoint (user-storage module) on accounts it creates: the company's id. */
  static final String SCIM_OWNER = "companySso.scim";

  /** Set by the SCIM endpoint on accounts it deleted in "disable" mode. */
  static final String SCIM_DELETED = "companySso.scim.deleted";

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
    Optional.ofNullable(
            context.getAuthenticationSession().getAuthNote(CompanyEventDetails.DISCOVERY))
        .ifPresent(outcome -> context.getEvent().detail(CompanyEventDetails.DISCOVERY, outcome));
    Optional<OrganizationModel> company = companyOf(context, provider);
    Optional<String> domain = CompanyDomains.domainOf(brokerContext.getEmail());
    if (company.isPresent()
        && Stream.of(brokerContext.getEmail(), brokerContext.getUsername())
            .anyMatch(
                value ->
                    CompanyDomains.foreignOwner(context.getSession(), company.get(), value)
                        .isPresent())) {
      refuseForeignDomain(context);
      return;
    }
    if (company.isPresent() && linkProvisionedAccount(context, brokerContext, company.get())) {
      return;
    }
    if (company.isPresent() && linkTrustedAccount(context, brokerContext, company.get(), domain)) {
      return;
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
    claims(brokerContext)
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
    companyOf(context, brokerContext.getIdpConfig())
        .ifPresent(
            company ->
                CompanyProvisioning.provisionNewUser(
                    context,
                    registeredUser,
                    company,
                    JitProvisioningConfig.of(context.getAuthenticatorConfig())));
  }

  /**
   * The account the company pushed through SCIM without an {@code externalId} (Okta sends none):
   * its userName is the sign-in name the company's provider presents now. The same company vouches
   * for both, so it is linked without asking the user; an account SCIM deleted, or already linked
   * to this provider, is not.
   */
  private static boolean linkProvisionedAccount(
      AuthenticationFlowContext context,
      BrokeredIdentityContext brokerContext,
      OrganizationModel company) {
    String username = brokerContext.getUsername();
    UserModel existing =
        username == null
            ? null
            : context
                .getSession()
                .users()
                .getUserByUsername(context.getRealm(), username.toLowerCase(Locale.ROOT));
    boolean provisioned =
        existing != null
            && company.getId().equals(existing.getFirstAttribute(SCIM_OWNER))
            && CompanyOwnership.owns(context.getSession(), context.getRealm(), company, existing)
            && existing.getFirstAttribute(SCIM_DELETED) == null
            && context
                    .getSession()
                    .users()
                    .getFederatedIdentity(
                        context.getRealm(), existing, brokerContext.getIdpConfig().getAlias())
                == null;
    if (!provisioned) {
      return false;
    }
    context.getEvent().detail(CompanyEventDetails.PROVISIONING, "linked-provisioned");
    CompanyProvisioning.joinExisting(context, existing, company);
    context.setUser(existing);
    context.success();
    return true;
  }

  private boolean linkTrustedAccount(
      AuthenticationFlowContext context,
      BrokeredIdentityContext brokerContext,
      OrganizationModel company,
      Optional<String> domain) {
    String email = brokerContext.getEmail();
    if (email == null
        || domain.isEmpty()
        || !Boolean.TRUE.equals(brokerContext.getIdpConfig().isTrustEmail())) {
      return false;
    }
    UserModel existing = context.getSession().users().getUserByEmail(context.getRealm(), email);
    boolean safe =
        existing != null
            && existing.isEnabled()
            && existing.isEmailVerified()
            && context.getAuthenticationSession().getAuthNote(UPDATE_PROFILE_EMAIL_CHANGED) == null
            && VerifiedEmail.assertedFor(claims(brokerContext), email)
            && CompanyDomains.verifiedOwner(context.getSession(), domain.get())
                .map(owner -> owner.getId().equals(company.getId()))
                .orElse(false);
    if (!safe) {
      return false;
    }
    context.getEvent().detail(CompanyEventDetails.PROVISIONING, "linked-trusted");
    CompanyProvisioning.joinExisting(context, existing, company);
    context.setUser(existing);
    context.success();
    return true;
  }

  private static void refuseForeignDomain(AuthenticationFlowContext context) {
    context.getEvent().error(FOREIGN_DOMAIN_ERROR);
    Response page =
        context.form().setError(FOREIGN_DOMAIN).createErrorPage(Response.Status.FORBIDDEN);
    context.failureChallenge(AuthenticationFlowError.ACCESS_DENIED, page);
  }

  /** The company (organization) that owns {@code provider}, if any. */
  static Optional<OrganizationModel> companyOf(
      AuthenticationFlowContext context, IdentityProviderModel provider) {
    String companyId = provider.getOrganizationId();
    if (companyId == null || !context.getRealm().isOrganizationsEnabled()) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        context.getSession().getProvider(OrganizationProvider.class).getById(companyId));
  }

  /** The claims of the identity provider's ID token, whatever class the broker stored it as. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> claims(BrokeredIdentityContext brokerContext) {
    Object token = brokerContext.getContextData().get(OIDCIdentityProvider.VALIDATED_ID_TOKEN);
    if (token == null) {
      return Map.of();
    }
    return JsonSerialization.mapper.convertValue(token, Map.class);
  }
}
