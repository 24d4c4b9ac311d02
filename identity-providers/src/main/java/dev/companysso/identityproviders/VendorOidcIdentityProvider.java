package dev.companysso.identityproviders;

import dev.companysso.core.Companies;
import dev.companysso.core.CompanyDomains;
import dev.companysso.core.ConnectionState;
import dev.companysso.core.VerifiedEmail;
import dev.companysso.identityproviders.testsignin.TestSignIn;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.broker.oidc.AbstractOAuth2IdentityProvider;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.broker.provider.AuthenticationRequest;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.ErrorPage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's OIDC broker for one vendor: the errors the vendor sends back that a user can act on
 * (not assigned to the app, consent missing) get the login page with a message saying what to do
 * and an event naming the cause, instead of Keycloak's generic "access denied".
 */
public abstract class VendorOidcIdentityProvider extends OIDCIdentityProvider {

  private static final Logger LOG = Logger.getLogger(VendorOidcIdentityProvider.class);

  protected VendorOidcIdentityProvider(KeycloakSession session, OIDCIdentityProviderConfig config) {
    super(session, config);
  }

  /** The vendor's reading of an {@code error} / {@code error_description} redirect. */
  protected abstract Optional<UpstreamError> classify(String error, String description);

  /** {@link #classify} for a test sign-in, which reads the IdP's answer outside a login. */
  public Optional<UpstreamError> classifyError(String error, String description) {
    return classify(error, description);
  }

  /** The vendor's corrections of the identity Keycloak read (its key, its groups). */
  protected void adjust(BrokeredIdentityContext identity) {}

  @Override
  public BrokeredIdentityContext getFederatedIdentity(String response) {
    BrokeredIdentityContext identity = super.getFederatedIdentity(response);
    adjust(identity);
    return identity;
  }

  /**
   * Keycloak takes the token's {@code email_verified} only from a provider with "Trust email" on. A
   * company's own provider also vouches for the address its token asserts as verified in a domain
   * the company has verified, as the company's SCIM client and directory do ({@link
   * CompanyDomains#vouchesFor}). An address the person typed on the review page is not the token's
   * and stays as Keycloak decides.
   */
  @Override
  protected void setEmailVerified(UserModel user, BrokeredIdentityContext context) {
    super.setEmailVerified(user, context);
    if (user.isEmailVerified() || user.getEmail() == null) {
      return;
    }
    RealmModel realm = session.getContext().getRealm();
    boolean vouched =
        VerifiedEmail.assertedFor(VerifiedEmail.claimsOf(context), user.getEmail())
            && Companies.ofIdentityProvider(session, realm, context.getIdpConfig())
                .filter(company -> CompanyDomains.vouchesFor(company, user.getEmail()))
                .isPresent();
    if (vouched) {
      user.setEmailVerified(true);
    }
  }

  /**
   * A linked user whose upstream e-mail changed to the address of another account keeps their own:
   * the login goes on into the linked account (the key, not the e-mail, decides) instead of failing
   * on Keycloak's unique e-mail when the profile is synced. Keycloak calls this with the linked
   * account in hand, so the common case (the address did not change) costs no lookup.
   */
  @Override
  protected void updateEmail(UserModel user, BrokeredIdentityContext context) {
    RealmModel realm = session.getContext().getRealm();
    String email = context.getEmail();
    if (email != null
        && !email.equalsIgnoreCase(user.getEmail())
        && !realm.isDuplicateEmailsAllowed()) {
      UserModel owner = session.users().getUserByEmail(realm, email);
      if (owner != null && !owner.getId().equals(user.getId())) {
        LOG.warnf(
            "Identity provider %s: the new upstream e-mail of user %s belongs to user %s; the"
                + " e-mail is not synced.",
            getConfig().getAlias(), user.getId(), owner.getId());
        context.setEmail(user.getEmail());
      }
    }
    super.updateEmail(user, context);
  }

  /** A provider only being tested takes no login: its company has not enabled it. */
  @Override
  public Response performLogin(AuthenticationRequest request) {
    if (ConnectionState.isTesting(getConfig())) {
      return ErrorPage.error(
          session,
          request.getAuthenticationSession(),
          Response.Status.BAD_REQUEST,
          "companySsoConnectionNotEnabled");
    }
    return super.performLogin(request);
  }

  /**
   * Names the provider in every event of its broker endpoint: Keycloak's own errors there (a
   * refused client secret, a token that fails its checks) would otherwise not say which company's
   * provider failed.
   */
  @Override
  public Object callback(RealmModel realm, AuthenticationCallback callback, EventBuilder event) {
    return new VendorEndpoint(
        callback, realm, event.detail(Details.IDENTITY_PROVIDER, getConfig().getAlias()), this);
  }

  /** The broker endpoint; JAX-RS annotations repeated because an override replaces them. */
  protected static class VendorEndpoint extends OIDCEndpoint {

    private final VendorOidcIdentityProvider vendor;

    VendorEndpoint(
        AuthenticationCallback callback,
        RealmModel realm,
        EventBuilder event,
        VendorOidcIdentityProvider vendor) {
      super(callback, realm, event, vendor);
      this.vendor = vendor;
    }

    @Override
    @GET
    public Response authResponse(
        @QueryParam(AbstractOAuth2IdentityProvider.OAUTH2_PARAMETER_STATE) String state,
        @QueryParam(AbstractOAuth2IdentityProvider.OAUTH2_PARAMETER_CODE) String authorizationCode,
        @QueryParam(OAuth2Constants.ERROR) String error,
        @QueryParam(OAuth2Constants.ERROR_DESCRIPTION) String errorDescription) {
      if (state != null && state.startsWith(TestSignIn.STATE_PREFIX)) {
        return new TestSignIn(session, realm)
            .finish(state, authorizationCode, error, errorDescription);
      }
      Optional<UpstreamError> known =
          error == null || state == null
              ? Optional.empty()
              : vendor.classify(error, errorDescription);
      if (known.isEmpty()) {
        return super.authResponse(state, authorizationCode, error, errorDescription);
      }
      try {
        AuthenticationSessionModel authSession = callback.getAndVerifyAuthenticationSession(state);
        session.getContext().setAuthenticationSession(authSession);
        event
            .clone()
            .event(EventType.IDENTITY_PROVIDER_LOGIN_ERROR)
            .detail(Details.REASON, errorDescription)
            .error(known.get().eventError());
        return callback.error(vendor.getConfig(), known.get().messageKey());
      } catch (WebApplicationException e) {
        return e.getResponse();
      }
    }
  }
}
