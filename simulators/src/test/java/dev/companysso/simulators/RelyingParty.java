package dev.companysso.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plays both the browser and the relying party against a simulator over real HTTP, with Nimbus
 * building and checking the protocol messages the way a real client library would.
 */
final class RelyingParty {

  static final URI REDIRECT_URI =
      URI.create("http://localhost:8543/realms/company/broker/idp/endpoint");

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]* action=\"([^\"]+)\"");
  private static final Pattern SIGN_IN_REQUEST =
      Pattern.compile("name=\"sign_in_request\" value=\"([^\"]+)\"");

  /** One authorization request and the secrets the client keeps until the code comes back. */
  record Authorization(
      AuthenticationRequest request, State state, Nonce nonce, CodeVerifier verifier) {}

  final OIDCProviderMetadata provider;
  final ClientID clientId;
  final Secret clientSecret;

  private RelyingParty(OIDCProviderMetadata provider, String clientId, String clientSecret) {
    this.provider = provider;
    this.clientId = new ClientID(clientId);
    this.clientSecret = new Secret(clientSecret);
  }

  static RelyingParty discover(String issuer, String clientId, String clientSecret) {
    HttpResponse<String> discovery = get(URI.create(issuer + "/.well-known/openid-configuration"));
    assertThat(discovery.statusCode()).isEqualTo(200);
    try {
      return new RelyingParty(OIDCProviderMetadata.parse(discovery.body()), clientId, clientSecret);
    } catch (ParseException e) {
      throw new AssertionError("Discovery document does not parse: " + discovery.body(), e);
    }
  }

  Authorization authorization(String scope) {
    return authorization(scope, builder -> builder);
  }

  Authorization authorization(
      String scope, UnaryOperator<AuthenticationRequest.Builder> customize) {
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    AuthenticationRequest request =
        customize
            .apply(
                new AuthenticationRequest.Builder(
                        ResponseType.CODE, Scope.parse(scope), clientId, REDIRECT_URI)
                    .endpointURI(provider.getAuthorizationEndpointURI())
                    .state(state)
                    .nonce(nonce)
                    .codeChallenge(verifier, CodeChallengeMethod.S256))
            .build();
    return new Authorization(request, state, nonce, verifier);
  }

  /** Opens the authorization URL as a browser would; a sign-in form is expected. */
  HttpResponse<String> open(Authorization authorization) {
    return get(authorization.request().toURI());
  }

  /** Fills in and submits the sign-in form from {@code formPage}. */
  static HttpResponse<String> submitSignIn(
      HttpResponse<String> formPage, String username, String password) {
    assertThat(formPage.statusCode()).isEqualTo(200);
    URI action = URI.create(find(FORM_ACTION, formPage.body()).replace("&amp;", "&"));
    return postForm(
        action,
        Map.of(
            "sign_in_request", find(SIGN_IN_REQUEST, formPage.body()),
            "username", username,
            "password", password),
        Map.of());
  }

  /** Signs in and returns where the browser is sent back to. */
  AuthenticationResponse signIn(Authorization authorization, String username, String password) {
    HttpResponse<String> redirect = submitSignIn(open(authorization), username, password);
    assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
    try {
      return AuthenticationResponseParser.parse(
          URI.create(redirect.headers().firstValue("Location").orElseThrow()));
    } catch (ParseException e) {
      throw new AssertionError("Redirect does not parse", e);
    }
  }

  AuthorizationCode code(Authorization authorization, String username, String password) {
    AuthenticationResponse response = signIn(authorization, username, password);
    assertThat(response.indicatesSuccess()).as("successful sign-in").isTrue();
    assertThat(response.getState()).isEqualTo(authorization.state());
    return response.toSuccessResponse().getAuthorizationCode();
  }

  HTTPResponse redeem(AuthorizationCode code, CodeVerifier verifier) {
    return redeem(code, verifier, new ClientSecretBasic(clientId, clientSecret));
  }

  HTTPResponse redeem(
      AuthorizationCode code, CodeVerifier verifier, ClientAuthentication authentication) {
    return send(
        new TokenRequest(
                provider.getTokenEndpointURI(),
                authentication,
                new AuthorizationCodeGrant(code, REDIRECT_URI, verifier))
            .toHTTPRequest());
  }

  /** The whole flow: sign in, redeem the code, and check the token response is a success. */
  OIDCTokenResponse signInAndRedeem(Authorization authorization, String username, String password) {
    HTTPResponse response =
        redeem(code(authorization, username, password), authorization.verifier());
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return parseTokens(response);
  }

  static OIDCTokenResponse parseTokens(HTTPResponse response) {
    try {
      return (OIDCTokenResponse) OIDCTokenResponseParser.parse(response).toSuccessResponse();
    } catch (ParseException e) {
      throw new AssertionError("Token response does not parse: " + response.getBody(), e);
    }
  }

  /**
   * Validates signature, issuer, audience, expiry and nonce against the keys the discovery document
   * points to.
   */
  IDTokenClaimsSet validate(JWT idToken, Nonce expectedNonce) {
    try {
      JWKSet keys = JWKSet.parse(get(provider.getJWKSetURI()).body());
      return new IDTokenValidator(provider.getIssuer(), clientId, JWSAlgorithm.RS256, keys)
          .validate(idToken, expectedNonce);
    } catch (Exception e) {
      throw new AssertionError("id_token does not validate", e);
    }
  }

  static Issuer issuerOf(JWT token) {
    try {
      return new Issuer(token.getJWTClaimsSet().getIssuer());
    } catch (java.text.ParseException e) {
      throw new AssertionError(e);
    }
  }

  static HttpResponse<String> get(URI uri) {
    return exchange(HttpRequest.newBuilder(uri).GET());
  }

  /** A GET carrying the cookie a browser would send, {@code name=value}. */
  static HttpResponse<String> get(URI uri, String cookie) {
    return exchange(HttpRequest.newBuilder(uri).header("Cookie", cookie).GET());
  }

  static HttpResponse<String> postForm(
      URI uri, Map<String, String> form, Map<String, String> headers) {
    HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, uri);
    request.setEntityContentType(ContentType.APPLICATION_URLENCODED);
    request.setBody(
        URLUtils.serializeParameters(
            form.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> List.of(entry.getValue())))));
    headers.forEach(request::setHeader);
    return exchange(toJdk(request));
  }

  static HttpResponse<String> postJson(URI uri, String json, String bearerToken) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (bearerToken != null) {
      request.header("Authorization", "Bearer " + bearerToken);
    }
    return exchange(request);
  }

  /** Sends a Nimbus request and hands the answer back as a Nimbus response. */
  static HTTPResponse send(HTTPRequest request) {
    HttpResponse<String> response = exchange(toJdk(request));
    HTTPResponse nimbus = new HTTPResponse(response.statusCode());
    response
        .headers()
        .map()
        .forEach((name, values) -> nimbus.setHeader(name, values.toArray(String[]::new)));
    nimbus.setBody(response.body());
    return nimbus;
  }

  private static HttpRequest.Builder toJdk(HTTPRequest request) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.getURI());
    request
        .getHeaderMap()
        .forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
    String body = request.getBody() == null ? "" : request.getBody();
    return builder.method(request.getMethod().name(), HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpResponse<String> exchange(HttpRequest.Builder request) {
    try {
      return HTTP.send(
          request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("HTTP request failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted", e);
    }
  }

  private static String find(Pattern pattern, String html) {
    Matcher matcher = pattern.matcher(html);
    assertThat(matcher.find()).as("page contains %s:%n%s", pattern, html).isTrue();
    return matcher.group(1);
  }

  static List<String> stringList(Object claim) {
    return ((List<?>) claim).stream().map(String::valueOf).toList();
  }
}
