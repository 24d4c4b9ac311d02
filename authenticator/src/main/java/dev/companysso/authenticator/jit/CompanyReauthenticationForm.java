package dev.companysso.authenticator.jit;

import dev.companysso.authenticator.discovery.BrokerLoginLink;
import dev.companysso.core.Companies;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.IdpUsernamePasswordForm;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Keycloak's "confirm it is your account" step of linking, which also offers the company sign-ins
 * already linked to the account. Keycloak offers only providers shown on the login page, and a
 * company's are hidden there (people reach them through their company code), so an account created
 * by one company's first login, which has no password, could not prove itself when a second company
 * links it: a consultant signing in for their second client.
 */
final class CompanyReauthenticationForm extends IdpUsernamePasswordForm {

  /** Template attribute: the linked company sign-ins ({@code login.ftl}). */
  static final String LINKED_COMPANY_PROVIDERS = "companyLinkedProviders";

  /**
   * A sign-in button, with the properties Keycloak's {@code social-providers.ftl} reads (bean
   * getters: Keycloak's template engine does not read record components).
   */
  public static final class LinkedProvider {
    private final String alias;
    private final String displayName;
    private final String providerId;
    private final String loginUrl;

    LinkedProvider(String alias, String displayName, String providerId, String loginUrl) {
      this.alias = alias;
      this.displayName = displayName;
      this.providerId = providerId;
      this.loginUrl = loginUrl;
    }

    public String getAlias() {
      return alias;
    }

    public String getDisplayName() {
      return displayName;
    }

    public String getProviderId() {
      return providerId;
    }

    public String getLoginUrl() {
      return loginUrl;
    }

    public String getIconClasses() {
      return "";
    }
  }

  CompanyReauthenticationForm(KeycloakSession session) {
    super(session);
  }

  @Override
  protected LoginFormsProvider setupForm(
      AuthenticationFlowContext context,
      MultivaluedMap<String, String> formData,
      Optional<UserModel> existingUser) {
    LoginFormsProvider form = super.setupForm(context, formData, existingUser);
    existingUser
        .map(user -> linkedCompanyProviders(context, user))
        .filter(providers -> !providers.isEmpty())
        .ifPresent(providers -> form.setAttribute(LINKED_COMPANY_PROVIDERS, providers));
    return form;
  }

  /** The account's enabled company sign-ins, except the one being linked now. */
  private static List<LinkedProvider> linkedCompanyProviders(
      AuthenticationFlowContext context, UserModel user) {
    KeycloakSession session = context.getSession();
    RealmModel realm = context.getRealm();
    return session
        .users()
        .getFederatedIdentitiesStream(realm, user)
        .map(FederatedIdentityModel::getIdentityProvider)
        .map(alias -> session.identityProviders().getByAlias(alias))
        .filter(Objects::nonNull)
        .filter(IdentityProviderModel::isEnabled)
        .filter(provider -> !provider.isLinkOnly())
        .filter(provider -> Companies.ofIdentityProvider(session, realm, provider).isPresent())
        .map(
            provider ->
                new LinkedProvider(
                    provider.getAlias(),
                    KeycloakModelUtils.getIdentityProviderDisplayName(session, provider),
                    provider.getProviderId(),
                    BrokerLoginLink.to(
                        session,
                        realm,
                        context.getAuthenticationSession(),
                        context.getUriInfo().getBaseUri(),
                        provider.getAlias(),
                        null)))
        .toList();
  }
}
