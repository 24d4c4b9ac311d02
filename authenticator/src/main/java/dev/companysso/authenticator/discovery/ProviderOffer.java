package dev.companysso.authenticator.discovery;

import dev.companysso.authenticator.company.CompanyEventDetails;
import dev.companysso.core.CompanyMetrics;
import dev.companysso.core.events.DecisionPath;
import java.util.Arrays;
import java.util.List;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Acts on a {@link Discovery}: one identity provider is a redirect, several are a chooser page
 * listing only those, and the choice made there is checked against what was offered.
 */
final class ProviderOffer {

  static final String CHOOSER_PAGE = "company-chooser.ftl";

  /** Form field of the chooser page carrying the chosen provider's alias. */
  static final String CHOICE_FIELD = "identityProvider";

  private static final String OFFERED_NOTE = "company-sso.offered-providers";
  private static final String LOGIN_HINT_NOTE = "company-sso.login-hint";

  private ProviderOffer() {}

  /** Redirects to the one provider, or shows the chooser of several. */
  static void present(AuthenticationFlowContext context, Discovery discovery) {
    record(context, discovery);
    List<IdentityProviderModel> providers = discovery.providers();
    if (providers.size() == 1) {
      redirect(context, providers.get(0).getAlias(), discovery.loginHint());
      return;
    }
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    authSession.setAuthNote(
        OFFERED_NOTE,
        String.join(",", providers.stream().map(IdentityProviderModel::getAlias).toList()));
    if (discovery.loginHint() != null) {
      authSession.setAuthNote(LOGIN_HINT_NOTE, discovery.loginHint());
    } else {
      authSession.removeAuthNote(LOGIN_HINT_NOTE);
    }
    context.challenge(
        context
            .form()
            .setAttribute("companyProviders", providers.stream().map(ProviderChoice::of).toList())
            .createForm(CHOOSER_PAGE));
  }

  /** Whether this request is a submission of the chooser page. */
  static boolean isChoice(AuthenticationFlowContext context) {
    return context.getHttpRequest().getDecodedFormParameters().containsKey(CHOICE_FIELD);
  }

  /**
   * Follows the choice made on the chooser page; a provider that was not offered (a tampered form)
   * is refused and the flow goes on to the password step.
   */
  static void choose(AuthenticationFlowContext context) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    String chosen = context.getHttpRequest().getDecodedFormParameters().getFirst(CHOICE_FIELD);
    String offered = authSession.getAuthNote(OFFERED_NOTE);
    if (chosen == null || offered == null || !Arrays.asList(offered.split(",")).contains(chosen)) {
      context.getEvent().detail(CompanyEventDetails.DISCOVERY, "invalid-choice");
      context.attempted();
      return;
    }
    String loginHint = authSession.getAuthNote(LOGIN_HINT_NOTE);
    authSession.removeAuthNote(OFFERED_NOTE);
    authSession.removeAuthNote(LOGIN_HINT_NOTE);
    redirect(context, chosen, loginHint);
  }

  private static void redirect(AuthenticationFlowContext context, String alias, String loginHint) {
    context.getEvent().detail(Details.IDENTITY_PROVIDER, alias);
    BrokerRedirect.INSTANCE.to(context, alias, loginHint);
  }

  /** Event details of a resolution; never the raw input, which may be a mistyped password. */
  static void record(AuthenticationFlowContext context, Discovery discovery) {
    CompanyMetrics.discovery(discovery.outcome().eventValue());
    context.getEvent().detail(CompanyEventDetails.DISCOVERY, discovery.outcome().eventValue());
    if (discovery.company() != null) {
      context.getEvent().detail(CompanyEventDetails.COMPANY, discovery.company().getAlias());
    }
    context
        .getAuthenticationSession()
        .setAuthNote(CompanyEventDetails.DISCOVERY, discovery.outcome().eventValue());
    DecisionPath.add(
        context.getAuthenticationSession(),
        "discovery",
        discovery.outcome().eventValue()
            + (discovery.company() == null ? "" : ":" + discovery.company().getAlias()));
  }

  /** What the chooser page shows of one provider (a bean: FreeMarker reads getters). */
  public static final class ProviderChoice {
    private final String alias;
    private final String displayName;

    private ProviderChoice(String alias, String displayName) {
      this.alias = alias;
      this.displayName = displayName;
    }

    static ProviderChoice of(IdentityProviderModel idp) {
      String name = idp.getDisplayName();
      return new ProviderChoice(
          idp.getAlias(), name == null || name.isBlank() ? idp.getAlias() : name);
    }

    public String getAlias() {
      return alias;
    }

    public String getDisplayName() {
      return displayName;
    }
  }
}
