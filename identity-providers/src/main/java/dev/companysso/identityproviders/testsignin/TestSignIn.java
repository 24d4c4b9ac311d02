package dev.companysso.identityproviders.testsignin;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.companysso.core.SecretTokens;
import dev.companysso.identityproviders.UpstreamError;
import dev.companysso.identityproviders.VendorOidcIdentityProvider;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.broker.provider.IdentityProviderFactory;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpRequest;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.utils.PkceUtils;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.services.Urls;
import org.keycloak.util.JsonSerialization;

/**
 * A sign-in through settings that are not live yet, which signs nobody in: the company's admin
 * signs in at their IdP once, through the provider's own redirect URI (the one their IdP app
 * lists), and sees what came back. The settings under test travel server-side with the state
 * (single-use, cluster-wide, ten minutes); the code is redeemed with PKCE and the ID token checked
 * as a real login checks it (signature, issuer, audience, expiry) plus the nonce; no account,
 * session or link is made.
 */
public final class TestSignIn {

  /** The {@code state} of a test sign-in; a real login's state never starts so. */
  public static final String STATE_PREFIX = "csso-test.";

  private static final String PENDING = "csso-test-sign-in:";
  private static final String RESULT = "csso-test-result:";
  private static final long LIFESPAN_SECONDS = 600;
  private static final Logger LOG = Logger.getLogger(TestSignIn.class);

  private final KeycloakSession session;
  private final RealmModel realm;

  public TestSignIn(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
  }

  /**
   * Where to send the admin's browser to test {@code settings}; they come back to {@code returnUrl}
   * with {@code ?testSignIn=<id>}, for {@link #result}, which carries {@code tags} (what the caller
   * needs to know the result is about, e.g. which company and which version of its settings).
   */
  public URI start(IdentityProviderModel settings, String returnUrl, Map<String, String> tags) {
    String id = SecretTokens.newToken("");
    String verifier = PkceUtils.generateCodeVerifier();
    String nonce = SecretTokens.newToken("");
    Map<String, String> pending = new HashMap<>();
    pending.put("settings", write(modelOf(settings)));
    pending.put("returnUrl", returnUrl);
    pending.put("verifier", verifier);
    pending.put("nonce", nonce);
    pending.put("tags", write(tags));
    session.singleUseObjects().put(PENDING + id, LIFESPAN_SECONDS, pending);
    OIDCIdentityProvider provider = provider(settings);
    return UriBuilder.fromUri(provider.getConfig().getAuthorizationUrl())
        .queryParam(OAuth2Constants.CLIENT_ID, provider.getConfig().getClientId())
        .queryParam(OAuth2Constants.REDIRECT_URI, redirectUri(settings.getAlias()))
        .queryParam(OAuth2Constants.RESPONSE_TYPE, OAuth2Constants.CODE)
        .queryParam(OAuth2Constants.SCOPE, provider.getConfig().getDefaultScope())
        .queryParam(OAuth2Constants.STATE, STATE_PREFIX + id)
        .queryParam("nonce", nonce)
        .queryParam(OAuth2Constants.CODE_CHALLENGE, PkceUtils.encodeCodeChallenge(verifier, "S256"))
        .queryParam(OAuth2Constants.CODE_CHALLENGE_METHOD, "S256")
        .queryParam(OAuth2Constants.PROMPT, "login")
        .build();
  }

  /** A finished test sign-in: what came back, and the tags it was started with. */
  public record Finished(TestSignInResult result, Map<String, String> tags) {}

  /** A finished test sign-in, while it is kept (ten minutes). */
  public Optional<Finished> result(String id) {
    return Optional.ofNullable(id == null ? null : session.singleUseObjects().get(RESULT + id))
        .map(
            notes ->
                new Finished(
                    TestSignInResult.of(notes), read(notes.get("tags"), new TypeReference<>() {})));
  }

  /** The IdP's answer to a test sign-in, at the provider's broker endpoint. */
  public Response finish(String state, String code, String error, String errorDescription) {
    String id = state.substring(STATE_PREFIX.length());
    Map<String, String> pending = session.singleUseObjects().remove(PENDING + id);
    if (pending == null) {
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(
              "This test sign-in has expired or was already used. Start it again in the portal.")
          .type("text/plain; charset=utf-8")
          .build();
    }
    IdentityProviderModel settings = readModel(pending.get("settings"));
    TestSignInResult result;
    if (error != null) {
      result = refusedByIdp(settings, error, errorDescription);
    } else {
      result = redeem(settings, code, pending.get("verifier"), pending.get("nonce"));
    }
    Map<String, String> notes = new HashMap<>(result.toNotes());
    notes.put("tags", pending.get("tags"));
    session.singleUseObjects().put(RESULT + id, LIFESPAN_SECONDS, notes);
    return Response.seeOther(
            UriBuilder.fromUri(pending.get("returnUrl")).queryParam("testSignIn", id).build())
        .build();
  }

  private TestSignInResult refusedByIdp(
      IdentityProviderModel settings, String error, String description) {
    OIDCIdentityProvider provider = provider(settings);
    Optional<UpstreamError> known =
        provider instanceof VendorOidcIdentityProvider vendor
            ? vendor.classifyError(error, description)
            : Optional.empty();
    return TestSignInResult.failed(
        known.map(Enum::name).orElse(null),
        error + (description == null ? "" : ": " + description));
  }

  private TestSignInResult redeem(
      IdentityProviderModel settings, String code, String verifier, String nonce) {
    OIDCIdentityProvider provider = provider(settings);
    try {
      SimpleHttpRequest request =
          SimpleHttp.create(session)
              .doPost(provider.getConfig().getTokenUrl())
              .param(OAuth2Constants.CODE, code)
              .param(OAuth2Constants.REDIRECT_URI, redirectUri(settings.getAlias()))
              .param(OAuth2Constants.GRANT_TYPE, OAuth2Constants.AUTHORIZATION_CODE)
              .param(OAuth2Constants.CODE_VERIFIER, verifier);
      String answer = provider.authenticateTokenRequest(request).asString();
      BrokeredIdentityContext identity = provider.getFederatedIdentity(answer);
      JsonWebToken idToken =
          (JsonWebToken) identity.getContextData().get(OIDCIdentityProvider.VALIDATED_ID_TOKEN);
      if (idToken == null || !nonce.equals(idToken.getOtherClaims().get("nonce"))) {
        return TestSignInResult.failed(null, "The ID token does not carry this sign-in's nonce.");
      }
      return TestSignInResult.signedIn(identity, idToken);
    } catch (IdentityBrokerException | IOException | UncheckedIOException e) {
      LOG.debugf(e, "Test sign-in at %s failed", settings.getAlias());
      return TestSignInResult.failed(null, e.getMessage());
    }
  }

  /**
   * The provider for the settings under test. Keycloak checks the nonce against a login session,
   * which a test sign-in has not: it is checked here instead.
   */
  private OIDCIdentityProvider provider(IdentityProviderModel settings) {
    IdentityProviderModel copy = new IdentityProviderModel(settings);
    Map<String, String> config = new HashMap<>(settings.getConfig());
    config.put("disableNonce", "true");
    copy.setConfig(config);
    IdentityProviderFactory<?> factory =
        (IdentityProviderFactory<?>)
            session
                .getKeycloakSessionFactory()
                .getProviderFactory(
                    org.keycloak.broker.provider.IdentityProvider.class, settings.getProviderId());
    return (OIDCIdentityProvider) factory.create(session, copy);
  }

  private String redirectUri(String alias) {
    return Urls.identityProviderAuthnResponse(
            session.getContext().getUri().getBaseUri(), alias, realm.getName())
        .toString();
  }

  private static Map<String, Object> modelOf(IdentityProviderModel settings) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("alias", settings.getAlias());
    model.put("providerId", settings.getProviderId());
    model.put("config", settings.getConfig());
    return model;
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JsonSerialization.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IdentityProviderModel readModel(String json) {
    Map<String, Object> model = read(json, new TypeReference<Map<String, Object>>() {});
    IdentityProviderModel settings = new IdentityProviderModel();
    settings.setAlias((String) model.get("alias"));
    settings.setProviderId((String) model.get("providerId"));
    @SuppressWarnings("unchecked")
    Map<String, String> config = (Map<String, String>) model.get("config");
    settings.setConfig(new HashMap<>(config));
    settings.setEnabled(true);
    return settings;
  }

  private static String write(Object value) {
    try {
      return JsonSerialization.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Groups as the mappers would see them. */
  static List<String> groups(JsonWebToken idToken) {
    Object claim = idToken.getOtherClaims().get("groups");
    List<String> groups = new ArrayList<>();
    if (claim instanceof List<?> list) {
      list.forEach(g -> groups.add(String.valueOf(g)));
    }
    return groups;
  }
}
