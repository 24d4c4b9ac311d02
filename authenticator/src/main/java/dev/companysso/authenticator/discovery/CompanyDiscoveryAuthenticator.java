package dev.companysso.authenticator.discovery;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The Single Sign-On page: one box for a username, a work e-mail or a company code. Whatever does
 * not lead to an identity provider goes on to the password step exactly as a local user does, so
 * the page never tells whether a user or a company exists.
 */
final class CompanyDiscoveryAuthenticator extends CompanyStepAuthenticator {

  static final String PAGE = "company-discovery.ftl";

  /** Form field of the discovery page. */
  static final String INPUT_FIELD = "companySsoInput";

  static final String REMEMBER_FIELD = "rememberCompany";

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    CompanyDiscoveryConfig config = CompanyDiscoveryConfig.of(context.getAuthenticatorConfig());
    String prefill =
        config.rememberCompany() ? RememberedCompany.read(context.getSession()).orElse("") : "";
    context.challenge(page(context, config, prefill, null));
  }

  @Override
  public void action(AuthenticationFlowContext context) {
    if (ProviderOffer.isChoice(context)) {
      ProviderOffer.choose(context);
      return;
    }
    CompanyDiscoveryConfig config = CompanyDiscoveryConfig.of(context.getAuthenticatorConfig());
    MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
    DiscoveryInput.Result parsed =
        DiscoveryInput.parse(form.getFirst(INPUT_FIELD), config.maxInputLength());
    if (!parsed.isValid()) {
      // Echo nothing back: the value was empty, too long or unprintable.
      context.challenge(page(context, config, "", parsed.problem().messageKey()));
      return;
    }
    DiscoveryInput input = parsed.input();
    Discovery discovery =
        new CompanyResolver(context.getSession()).resolve(input, config.resolutionOrder());
    if (discovery.isLocal()) {
      ProviderOffer.record(context, discovery);
      continueAsLocalUser(context, input.value());
      return;
    }
    if (config.rememberCompany()
        && discovery.company() != null
        && "on".equals(form.getFirst(REMEMBER_FIELD))) {
      RememberedCompany.remember(
          context.getSession(), discovery.company().getAlias(), config.rememberFor());
    }
    ProviderOffer.present(context, discovery);
  }

  /**
   * Hands over to the password step with the input as the attempted username, the way Keycloak's
   * identity-first login does. No user is set here: the password form looks the name up itself, so
   * a known and an unknown name produce the same page and the same error.
   */
  static void continueAsLocalUser(AuthenticationFlowContext context, String username) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    authSession.setAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME, username);
    authSession.setAuthNote(
        AbstractUsernameFormAuthenticator.USERNAME_HIDDEN, Boolean.TRUE.toString());
    context.attempted();
  }

  private static Response page(
      AuthenticationFlowContext context,
      CompanyDiscoveryConfig config,
      String value,
      String error) {
    LoginFormsProvider form =
        context
            .form()
            .setAttribute("companySsoValue", value)
            .setAttribute("companySsoMaxLength", config.maxInputLength())
            .setAttribute("companySsoRememberOffered", config.rememberCompany());
    if (error != null) {
      form.addError(new FormMessage(INPUT_FIELD, error));
    }
    return form.createForm(PAGE);
  }
}
