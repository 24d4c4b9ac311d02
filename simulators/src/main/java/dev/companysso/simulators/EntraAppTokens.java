package dev.companysso.simulators;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.PlainClientSecret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Entra's client-credentials flow for Microsoft Graph: an app registration authenticates with its
 * client secret, asks for {@code https://graph.microsoft.com/.default} and gets an app-only token
 * whose {@code roles} are its admin-consented application permissions.
 */
final class EntraAppTokens implements AppTokenIssuer {

  /** What app-only Graph tokens carry as {@code aud}. */
  static final String GRAPH_RESOURCE = "https://graph.microsoft.com";

  private static final Duration LIFETIME = Duration.ofSeconds(3599);

  private final EntraTenant tenant;
  private final EntraDialect dialect;
  private final Set<String> graphResources;
  private final Clock clock;

  /** {@code graphBaseUrl}: the simulator's Graph, which a client may name as the resource too. */
  EntraAppTokens(EntraTenant tenant, EntraDialect dialect, String graphBaseUrl, Clock clock) {
    this.tenant = tenant;
    this.dialect = dialect;
    this.graphResources =
        Set.of(GRAPH_RESOURCE, EntraIssuerPolicy.GRAPH_APPLICATION_ID, graphBaseUrl);
    this.clock = clock;
  }

  @Override
  public HTTPResponse issue(OidcProvider provider, TokenRequest request) {
    if (!(request.getClientAuthentication() instanceof PlainClientSecret secret)) {
      return failure(provider, Failure.CLIENT_AUTHENTICATION_MISSING, null);
    }
    String clientId = secret.getClientID().getValue();
    Optional<RegisteredClient> client = provider.directory().client(secret.getClientID());
    Optional<EntraTenant.App> app = tenant.app(clientId);
    if (client.isEmpty() || app.isEmpty()) {
      // Entra answers an unknown app with 400 unauthorized_client, not 401.
      return error(
          new ErrorObject(
              "unauthorized_client",
              dialect.describe(
                  Failure.UNKNOWN_CLIENT,
                  FailureContext.ofClientId(provider, secret.getClientID(), null)),
              400));
    }
    if (!client.get().authenticatedBy(secret.getClientSecret())) {
      return failure(provider, Failure.INVALID_CLIENT_SECRET, client.get());
    }
    Optional<ErrorObject> scopeError = scopeError(request.getScope());
    if (scopeError.isPresent()) {
      return error(scopeError.get());
    }
    Instant now = clock.instant();
    String token = provider.sign(accessTokenClaims(provider, app.get(), now)).serialize();
    return new AccessTokenResponse(
            new Tokens(new BearerAccessToken(token, LIFETIME.toSeconds(), null), null),
            Map.<String, Object>of("ext_expires_in", LIFETIME.toSeconds()))
        .toHTTPResponse();
  }

  /** The client-credentials flow takes exactly one scope: {@code {resource}/.default}. */
  private Optional<ErrorObject> scopeError(Scope scope) {
    if (scope == null || scope.isEmpty()) {
      return Optional.of(
          OAuth2Error.INVALID_REQUEST.setDescription(
              "AADSTS900144: The request body must contain the following parameter: 'scope'."));
    }
    String value = scope.toString();
    if (scope.size() != 1 || !value.endsWith("/.default")) {
      return Optional.of(
          OAuth2Error.INVALID_SCOPE.setDescription(
              "AADSTS1002012: The provided value for scope "
                  + value
                  + " is not valid. Client credential flows must have a scope value with"
                  + " /.default suffixed to the resource identifier (application ID URI)."));
    }
    String resource = value.substring(0, value.length() - "/.default".length());
    if (!graphResources.contains(resource)) {
      return Optional.of(
          new ErrorObject(
              "invalid_resource",
              "AADSTS500011: The resource principal named "
                  + resource
                  + " was not found in the tenant named "
                  + tenant.name()
                  + ". This can happen if the application has not been installed by the"
                  + " administrator of the tenant or consented to by any user in the tenant. You"
                  + " might have sent your authentication request to the wrong tenant.",
              400));
    }
    return Optional.empty();
  }

  /**
   * An app-only Graph token: the app's service principal is {@code oid} and {@code sub}, its
   * application permissions are {@code roles}, {@code idtyp} says there is no user.
   */
  private JWTClaimsSet accessTokenClaims(OidcProvider provider, EntraTenant.App app, Instant now) {
    String servicePrincipal =
        UUID.nameUUIDFromBytes(
                (tenant.tenantId() + "/service-principal/" + app.clientId())
                    .getBytes(StandardCharsets.UTF_8))
            .toString();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .audience(GRAPH_RESOURCE)
            .issuer(provider.issuer().getValue())
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(LIFETIME)))
            .claim("ver", "1.0")
            .claim("tid", tenant.tenantId())
            .claim("appid", app.clientId())
            .claim("appidacr", "1")
            .claim("idtyp", "app")
            .claim("oid", servicePrincipal)
            .subject(servicePrincipal)
            .claim("uti", new JWTID(16).getValue());
    // Entra leaves roles out when the app holds no application permission.
    if (!app.applicationPermissions().isEmpty()) {
      claims.claim("roles", app.applicationPermissions());
    }
    return claims.build();
  }

  private HTTPResponse failure(OidcProvider provider, Failure failure, RegisteredClient client) {
    FailureContext context =
        client == null
            ? FailureContext.ofClientId(provider, null, null)
            : FailureContext.of(provider, client, null);
    return error(failure.describedBy(dialect, context));
  }

  private HTTPResponse error(ErrorObject error) {
    return dialect.tokenErrorResponse(error);
  }
}
