package dev.companysso.mappers.validation;

import dev.companysso.mappers.RuleTableMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.common.util.Encode;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.RepresentationToModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.RealmManager;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;
import org.keycloak.util.JsonSerialization;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * Refuses to save a bad rule table through the admin REST API (and so the admin console) with a 400
 * that names the rule: a mapper created or updated on its own, or among the identity provider
 * mappers of a partial import.
 *
 * <p>Why a request filter: Keycloak has no validation hook for identity-provider mappers, and its
 * create endpoint turns any exception from storage into a generic "Failed to add mapper". The
 * filter sees the same request first, checks it only for an admin allowed to manage identity
 * providers (so role names are never revealed to anyone else), and otherwise lets Keycloak answer
 * as usual. Keycloak picks up {@code @Provider} filters from provider JARs since 24.
 */
@Provider
public final class RuleTableValidationFilter implements ContainerRequestFilter {

  private static final Pattern MAPPER_PATH =
      Pattern.compile(
          "(?:^|/)admin/realms/([^/]+)/identity-provider/instances/[^/]+/mappers(?:/[^/]+)?/?$");

  private static final Pattern PARTIAL_IMPORT_PATH =
      Pattern.compile("(?:^|/)admin/realms/([^/]+)/partialImport/?$");

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (!"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())) {
      return;
    }
    String requestPath = request.getUriInfo().getPath();
    Matcher single = MAPPER_PATH.matcher(requestPath);
    Matcher partialImport = PARTIAL_IMPORT_PATH.matcher(requestPath);
    boolean isSingle = single.find();
    if (!isSingle && !partialImport.find()) {
      return;
    }
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));

    List<IdentityProviderMapperRepresentation> mappers =
        isSingle
            ? read(body, IdentityProviderMapperRepresentation.class).stream().toList()
            : read(body, PartialImportRepresentation.class)
                .map(PartialImportRepresentation::getIdentityProviderMappers)
                .orElse(List.of());
    KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
    if (mappers == null || mappers.isEmpty() || session == null) {
      return;
    }
    String realmName = (isSingle ? single : partialImport).group(1);
    RealmModel realm =
        session.realms().getRealmByName(URLDecoder.decode(realmName, StandardCharsets.UTF_8));
    if (realm == null || !mayManageIdentityProviders(session, realm)) {
      return;
    }
    List<String> problems = new ArrayList<>();
    for (IdentityProviderMapperRepresentation mapper : mappers) {
      problems.addAll(problems(session, realm, mapper));
    }
    if (!problems.isEmpty()) {
      request.abortWith(
          ErrorResponse.error(String.join(" ", problems), Response.Status.BAD_REQUEST)
              .getResponse());
    }
  }

  /** The problems of one mapper's rule table, each prefixed with the mapper's name. */
  private static List<String> problems(
      KeycloakSession session, RealmModel realm, IdentityProviderMapperRepresentation mapper) {
    if (mapper == null
        || mapper.getConfig() == null
        || !(session
                .getKeycloakSessionFactory()
                .getProviderFactory(
                    IdentityProviderMapper.class, mapper.getIdentityProviderMapper())
            instanceof RuleTableMapper<?> tableMapper)) {
      return List.of();
    }
    IdentityProviderMapperModel model = RepresentationToModel.toModel(mapper);
    List<String> problems = tableMapper.problems(session, realm, model);
    return problems.isEmpty()
        ? List.of()
        : List.of("Mapper '" + mapper.getName() + "': " + String.join(" ", problems));
  }

  private static <T> Optional<T> read(byte[] body, Class<T> type) {
    try {
      return Optional.ofNullable(JsonSerialization.readValue(body, type));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // Keycloak answers malformed JSON itself.
    }
  }

  private static boolean mayManageIdentityProviders(KeycloakSession session, RealmModel realm) {
    RealmModel contextRealm = session.getContext().getRealm();
    try {
      return adminOf(session)
          .map(auth -> AdminPermissions.evaluator(session, realm, auth))
          .map(permissions -> permissions.realm().canManageIdentityProviders())
          .orElse(false);
    } finally {
      session.getContext().setRealm(contextRealm);
    }
  }

  /**
   * The admin whose bearer token the request carries, authenticated as Keycloak's admin root does
   * (its own method for it is not public before Keycloak 26.5): the token's realm, then the token
   * checked in it.
   */
  private static Optional<AdminAuth> adminOf(KeycloakSession session) {
    String bearer =
        AppAuthManager.extractAuthorizationHeaderToken(session.getContext().getRequestHeaders());
    if (bearer == null) {
      return Optional.empty();
    }
    String issuer;
    try {
      issuer = new JWSInput(bearer).readJsonContent(AccessToken.class).getIssuer();
    } catch (JWSInputException e) {
      return Optional.empty();
    }
    if (issuer == null) {
      return Optional.empty();
    }
    RealmModel tokenRealm =
        new RealmManager(session)
            .getRealmByName(Encode.decodePath(issuer.substring(issuer.lastIndexOf('/') + 1)));
    if (tokenRealm == null) {
      return Optional.empty();
    }
    session.getContext().setRealm(tokenRealm);
    AuthenticationManager.AuthResult result =
        new AppAuthManager.BearerTokenAuthenticator(session)
            .setRealm(tokenRealm)
            .setConnection(session.getContext().getConnection())
            .setHeaders(session.getContext().getRequestHeaders())
            .authenticate();
    return Optional.ofNullable(result)
        .map(r -> new AdminAuth(tokenRealm, r.getToken(), r.getUser(), r.getClient()));
  }
}
