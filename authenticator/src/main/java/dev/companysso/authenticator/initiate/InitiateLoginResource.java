package dev.companysso.authenticator.initiate;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.keycloak.OAuth2Constants;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.OIDCLoginProtocolService;
import org.keycloak.protocol.oidc.utils.OAuth2CodeParser;
import org.keycloak.protocol.oidc.utils.PkceUtils;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.services.resources.RealmsResource;

/**
 * OpenID Connect third-party-initiated login (OIDC Core 1.0, section 4): an Okta dashboard tile or
 * the Entra My Apps portal sends the browser here with {@code iss} (and optionally {@code
 * login_hint} and {@code target_link_uri}). Keycloak signs the user in through the identity
 * provider with that issuer and ends on {@code target_link_uri} only when it is a valid redirect
 * URI of an enabled client of the realm, so the endpoint is no open redirect. Keycloak has this for
 * SAML only.
 *
 * <p>The brokered login runs as the public client {@link #INITIATOR_CLIENT} with PKCE. The callback
 * redirects only after it redeemed that login's code with the verifier, which only the browser that
 * started the login holds (a cookie), and checked the signed state ({@link InitiateLoginState}): a
 * forged or replayed callback, or one without a completed sign-in, gets the themed error page.
 */
public final class InitiateLoginResource {

  /** The public client the brokered login runs under; its only redirect URI is the callback. */
  public static final String INITIATOR_CLIENT = "company-sso-initiator";

  static final String INVALID_LINK = "companySsoInitiateInvalid";
  static final String FAILED = "companySsoInitiateFailed";

  /** Holds the PKCE verifier of the login this browser started, for the callback only. */
  static final String VERIFIER_COOKIE = "COMPANY_SSO_INITIATE";

  private static final String CALLBACK = "initiate-login/callback";

  private final KeycloakSession session;
  private final RealmModel realm;

  InitiateLoginResource(KeycloakSession session) {
    this.session = session;
    this.realm = session.getContext().getRealm();
  }

  @GET
  @Path("initiate-login")
  public Response initiateByGet(
      @QueryParam("iss") String issuer,
      @QueryParam("login_hint") String loginHint,
      @QueryParam("target_link_uri") String targetLinkUri,
      @QueryParam("client_id") String clientId) {
    return initiate(issuer, loginHint, targetLinkUri, clientId);
  }

  @POST
  @Path("initiate-login")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response initiateByPost(
      @FormParam("iss") String issuer,
      @FormParam("login_hint") String loginHint,
      @FormParam("target_link_uri") String targetLinkUri,
      @FormParam("client_id") String clientId) {
    return initiate(issuer, loginHint, targetLinkUri, clientId);
  }

  private Response initiate(
      String issuer, String loginHint, String targetLinkUri, String clientId) {
    EventBuilder event = event();
    Optional<IdentityProviderModel> idp = identityProviderByIssuer(issuer);
    if (idp.isEmpty()) {
      event.error(Errors.UNKNOWN_IDENTITY_PROVIDER);
      return errorPage(INVALID_LINK);
    }
    event.detail(Details.IDENTITY_PROVIDER, idp.get().getAlias());
    Optional<ClientModel> application = applicationFor(targetLinkUri, clientId);
    ClientModel initiator = realm.getClientByClientId(INITIATOR_CLIENT);
    if (application.isEmpty() || initiator == null || !initiator.isEnabled()) {
      event.detail(Details.REDIRECT_URI, targetLinkUri).error(Errors.INVALID_REDIRECT_URI);
      return errorPage(INVALID_LINK);
    }
    String verifier = PkceUtils.generateCodeVerifier();
    InitiateLoginState state =
        InitiateLoginState.of(application.get().getClientId(), targetLinkUri, verifier);
    UriBuilder authorization =
        OIDCLoginProtocolService.authUrl(session.getContext().getUri().getBaseUriBuilder())
            .queryParam(OIDCLoginProtocol.CLIENT_ID_PARAM, INITIATOR_CLIENT)
            .queryParam(OIDCLoginProtocol.REDIRECT_URI_PARAM, callbackUri())
            .queryParam(OIDCLoginProtocol.RESPONSE_TYPE_PARAM, "code")
            .queryParam(OIDCLoginProtocol.SCOPE_PARAM, "openid")
            .queryParam(OIDCLoginProtocol.STATE_PARAM, state.sign(session, issuer()))
            .queryParam(OIDCLoginProtocol.CODE_CHALLENGE_PARAM, state.challenge())
            .queryParam(
                OIDCLoginProtocol.CODE_CHALLENGE_METHOD_PARAM, OAuth2Constants.PKCE_METHOD_S256)
            .queryParam("kc_idp_hint", idp.get().getAlias());
    if (loginHint != null && !loginHint.isBlank()) {
      authorization.queryParam(OIDCLoginProtocol.LOGIN_HINT_PARAM, loginHint);
    }
    return Response.seeOther(authorization.build(realm.getName()))
        .cookie(verifierCookie(verifier, InitiateLoginState.LIFETIME_SECONDS))
        .build();
  }

  /**
   * Where the brokered login returns. Redeems its code (once, for the initiator client, with the
   * browser's PKCE verifier) before it sends the browser on to the application.
   */
  @GET
  @Path(CALLBACK)
  public Response callback(
      @QueryParam("state") String state,
      @QueryParam("code") String code,
      @QueryParam("error") String error,
      @CookieParam(VERIFIER_COOKIE) String verifier) {
    EventBuilder event = event();
    if (error != null) {
      event.error(error);
      return errorPage(FAILED);
    }
    Optional<InitiateLoginState> verified =
        InitiateLoginState.verify(session, issuer(), state, verifier);
    if (verified.isEmpty() || !redeemed(code, verifier, event)) {
      event.error(Errors.INVALID_REQUEST);
      return errorPage(FAILED);
    }
    ClientModel application = realm.getClientByClientId(verified.get().clientId());
    String target =
        application == null || !application.isEnabled()
            ? null
            : RedirectUtils.verifyRedirectUri(session, verified.get().targetLinkUri(), application);
    if (target == null) {
      event
          .detail(Details.REDIRECT_URI, verified.get().targetLinkUri())
          .error(Errors.INVALID_REDIRECT_URI);
      return errorPage(INVALID_LINK);
    }
    return Response.seeOther(URI.create(target)).cookie(verifierCookie("", 0)).build();
  }

  /**
   * Whether {@code code} is an unused code of a sign-in this browser completed: issued to the
   * initiator client for the callback, with the challenge of this browser's verifier. Parsing
   * consumes the code, as the token endpoint would.
   */
  private boolean redeemed(String code, String verifier, EventBuilder event) {
    if (code == null || code.isBlank()) {
      return false;
    }
    OAuth2CodeParser.ParseResult parsed = OAuth2CodeParser.parseCode(session, code, realm, event);
    if (parsed.isIllegalCode() || parsed.isExpiredCode() || parsed.getClientSession() == null) {
      return false;
    }
    return INITIATOR_CLIENT.equals(parsed.getClientSession().getClient().getClientId())
        && callbackUri().equals(parsed.getCodeData().getRedirectUriParam())
        && OAuth2Constants.PKCE_METHOD_S256.equals(parsed.getCodeData().getCodeChallengeMethod())
        && InitiateLoginState.challengeOf(verifier).equals(parsed.getCodeData().getCodeChallenge());
  }

  private NewCookie verifierCookie(String value, int maxAge) {
    URI callback = URI.create(callbackUri());
    return new NewCookie.Builder(VERIFIER_COOKIE)
        .value(value)
        .path(callback.getRawPath())
        .maxAge(maxAge)
        .httpOnly(true)
        .secure("https".equals(callback.getScheme()))
        .sameSite(NewCookie.SameSite.LAX)
        .build();
  }

  private String issuer() {
    return RealmsResource.realmBaseUrl(session.getContext().getUri())
        .build(realm.getName())
        .toString();
  }

  private Optional<IdentityProviderModel> identityProviderByIssuer(String issuer) {
    if (issuer == null || issuer.isBlank() || issuer.length() > 2048) {
      return Optional.empty();
    }
    // A config lookup, not a scan of all providers; tiles are rare next to logins.
    return session
        .identityProviders()
        .getAllStream(Map.of("issuer", issuer), 0, 2)
        .filter(IdentityProviderModel::isEnabled)
        .findFirst();
  }

  /**
   * The client whose redirect URIs admit {@code targetLinkUri}: the one named by {@code client_id},
   * else the first client of the realm that admits it.
   */
  private Optional<ClientModel> applicationFor(String targetLinkUri, String clientId) {
    if (targetLinkUri == null || targetLinkUri.isBlank()) {
      return Optional.empty();
    }
    if (clientId != null && !clientId.isBlank()) {
      return Optional.ofNullable(realm.getClientByClientId(clientId))
          .filter(client -> admits(client, targetLinkUri));
    }
    return realm
        .getClientsStream()
        .filter(client -> !INITIATOR_CLIENT.equals(client.getClientId()))
        .filter(client -> admits(client, targetLinkUri))
        .findFirst();
  }

  private boolean admits(ClientModel client, String targetLinkUri) {
    return client.isEnabled()
        && RedirectUtils.verifyRedirectUri(session, targetLinkUri, client) != null;
  }

  private String callbackUri() {
    return RealmsResource.realmBaseUrl(session.getContext().getUri())
        .path(CompanySsoResourceProviderFactory.ID)
        .path(CALLBACK)
        .build(realm.getName())
        .toString();
  }

  private EventBuilder event() {
    return new EventBuilder(realm, session, session.getContext().getConnection())
        .event(EventType.IDENTITY_PROVIDER_LOGIN_ERROR);
  }

  private Response errorPage(String messageKey) {
    return session
        .getProvider(LoginFormsProvider.class)
        .setError(messageKey)
        .createErrorPage(Response.Status.BAD_REQUEST);
  }
}
