package dev.companysso.authenticator.discovery;

import dev.companysso.core.CompanyAttributes;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.OrganizationModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;

/**
 * Skips the login page when the request already says where to go: {@code company=} or {@code
 * kc_company=} on the authorization request, a {@code login_hint} that resolves, or a remembered
 * company that turned on auto-redirect. Anything else, including an unknown company, continues to
 * the login page as if no hint was given, and so does a flow that already made its one {@link
 * AutomaticRedirect}.
 */
final class CompanyDeepLinkAuthenticator extends CompanyStepAuthenticator {

  /** Authorization request parameters naming a company code. */
  static final String[] COMPANY_PARAMETERS = {"company", "kc_company"};

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    if (!AutomaticRedirect.allowed(context)) {
      context.attempted();
      return;
    }
    CompanyDiscoveryConfig config = CompanyDiscoveryConfig.of(context.getAuthenticatorConfig());
    CompanyResolver resolver = new CompanyResolver(context.getSession());
    Optional<Discovery> discovery =
        requestedCompany(context)
            .flatMap(code -> parse(code, config).flatMap(resolver::byCompanyCode))
            .or(
                () ->
                    config.useLoginHint() ? loginHint(context, config, resolver) : Optional.empty())
            .or(
                () ->
                    config.rememberCompany()
                        ? autoRedirect(context, config, resolver)
                        : Optional.empty());
    if (discovery.isPresent()) {
      AutomaticRedirect.made(context);
      ProviderOffer.present(context, discovery.get());
    } else {
      context.attempted();
    }
  }

  @Override
  public void action(AuthenticationFlowContext context) {
    if (ProviderOffer.isChoice(context)) {
      ProviderOffer.choose(context);
    } else {
      context.attempted();
    }
  }

  private static Optional<String> requestedCompany(AuthenticationFlowContext context) {
    return Stream.of(COMPANY_PARAMETERS)
        .map(
            name ->
                context
                    .getAuthenticationSession()
                    .getClientNote(
                        AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX
                            + name))
        .filter(value -> value != null && !value.isBlank())
        .findFirst();
  }

  private static Optional<Discovery> loginHint(
      AuthenticationFlowContext context, CompanyDiscoveryConfig config, CompanyResolver resolver) {
    String hint =
        context.getAuthenticationSession().getClientNote(OIDCLoginProtocol.LOGIN_HINT_PARAM);
    return parse(hint, config)
        .map(input -> resolver.resolve(input, config.loginHintOrder()))
        .filter(discovery -> !discovery.isLocal());
  }

  private static Optional<Discovery> autoRedirect(
      AuthenticationFlowContext context, CompanyDiscoveryConfig config, CompanyResolver resolver) {
    return RememberedCompany.read(context.getSession())
        .flatMap(code -> parse(code, config))
        .filter(
            input ->
                resolver
                    .companyByCode(input)
                    .filter(CompanyDeepLinkAuthenticator::autoRedirects)
                    .isPresent())
        .flatMap(resolver::byCompanyCode);
  }

  private static boolean autoRedirects(OrganizationModel company) {
    return CompanyAttributes.isTrue(company, CompanyAttributes.AUTO_REDIRECT);
  }

  private static Optional<DiscoveryInput> parse(String value, CompanyDiscoveryConfig config) {
    return Optional.ofNullable(DiscoveryInput.parse(value, config.maxInputLength()).input());
  }
}
