package dev.companysso.mappers.validation;

import dev.companysso.mappers.GroupRuleMapper;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.RepresentationToModel;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminRoot;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;
import org.keycloak.util.JsonSerialization;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * Refuses to save a bad rule table through the admin REST API (and so the admin console) with a 400
 * that names the rule.
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

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (!"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())) {
      return;
    }
    Matcher path = MAPPER_PATH.matcher(request.getUriInfo().getPath());
    if (!path.find()) {
      return;
    }
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));

    IdentityProviderMapperRepresentation mapper = read(body);
    KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
    if (mapper == null || mapper.getConfig() == null || session == null) {
      return;
    }
    if (!(session
            .getKeycloakSessionFactory()
            .getProviderFactory(IdentityProviderMapper.class, mapper.getIdentityProviderMapper())
        instanceof GroupRuleMapper<?> tableMapper)) {
      return;
    }
    RealmModel realm =
        session.realms().getRealmByName(URLDecoder.decode(path.group(1), StandardCharsets.UTF_8));
    if (realm == null || !mayManageIdentityProviders(session, realm)) {
      return;
    }
    IdentityProviderMapperModel model = RepresentationToModel.toModel(mapper);
    List<String> problems = tableMapper.problems(session, realm, model);
    if (!problems.isEmpty()) {
      request.abortWith(
          ErrorResponse.error(
                  "Mapper '" + mapper.getName() + "': " + String.join(" ", problems),
                  Response.Status.BAD_REQUEST)
              .getResponse());
    }
  }

  private static IdentityProviderMapperRepresentation read(byte[] body) {
    try {
      return JsonSerialization.readValue(body, IdentityProviderMapperRepresentation.class);
    } catch (IOException | RuntimeException e) {
      return null; // Keycloak answers malformed JSON itself.
    }
  }

  private static boolean mayManageIdentityProviders(KeycloakSession session, RealmModel realm) {
    RealmModel contextRealm = session.getContext().getRealm();
    try {
      AdminAuth auth = AdminRoot.authenticateRealmAdminRequest(session);
      return AdminPermissions.evaluator(session, realm, auth).realm().canManageIdentityProviders();
    } catch (NotAuthorizedException e) {
      return false;
    } finally {
      session.getContext().setRealm(contextRealm);
    }
  }
}
