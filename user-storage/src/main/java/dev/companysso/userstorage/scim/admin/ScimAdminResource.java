package dev.companysso.userstorage.scim.admin;

import dev.companysso.core.Companies;
import dev.companysso.userstorage.scim.ScimResourceProviderFactory;
import dev.companysso.userstorage.scim.ScimSettings;
import dev.companysso.userstorage.scim.ScimTokens;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/company-sso-scim/{company}}: a company's SCIM base URL and settings
 * ({@code GET}, {@code PUT}), and its bearer token ({@code POST token} issues or rotates and shows
 * it once; {@code DELETE token} revokes). Reading needs view-realm, changing manage-realm, as for
 * the identity providers the token stands beside.
 */
public final class ScimAdminResource {

  /** The settings a PUT may change; absent fields stay as they are. */
  public record SettingsUpdate(String onDelete, String identityProvider) {}

  /** The resource type of this resource's admin events (the token itself is never recorded). */
  public static final String ADMIN_EVENT_RESOURCE = "COMPANY_SSO_SCIM";

  private static final Logger LOG = Logger.getLogger(ScimAdminResource.class);

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;
  private final AdminEventBuilder adminEvent;

  ScimAdminResource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent) {
    this.session = session;
    this.realm = realm;
    this.auth = auth;
    this.adminEvent = adminEvent.resource(ADMIN_EVENT_RESOURCE);
  }

  @GET
  @Path("{company}")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> get(@PathParam("company") String alias) {
    auth.realm().requireViewRealm();
    return describe(company(alias));
  }

  @PUT
  @Path("{company}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response update(@PathParam("company") String alias, SettingsUpdate update) {
    auth.realm().requireManageRealm();
    OrganizationModel company = company(alias);
    SettingsUpdate changes = update == null ? new SettingsUpdate(null, null) : update;
    try {
      ScimSettings.check(company, changes.onDelete(), changes.identityProvider());
    } catch (IllegalArgumentException e) {
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(Map.of("errorMessage", e.getMessage()))
          .type(MediaType.APPLICATION_JSON_TYPE)
          .build();
    }
    Map<String, List<String>> attributes = new LinkedHashMap<>(company.getAttributes());
    set(attributes, ScimSettings.ON_DELETE, changes.onDelete());
    set(attributes, ScimSettings.IDENTITY_PROVIDER, changes.identityProvider());
    company.setAttributes(attributes);
    Map<String, Object> settings = describe(company);
    record(OperationType.UPDATE, settings);
    return Response.ok(settings, MediaType.APPLICATION_JSON_TYPE).build();
  }

  @POST
  @Path("{company}/token")
  @Produces(MediaType.APPLICATION_JSON)
  public Response issueToken(@PathParam("company") String alias) {
    auth.realm().requireManageRealm();
    OrganizationModel company = company(alias);
    ScimTokens.Issued issued = ScimTokens.issue(realm, company);
    LOG.infof("SCIM: new token issued for company %s in realm %s", alias, realm.getName());
    record(OperationType.CREATE, Map.of("company", alias, "created", issued.created().toString()));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("token", issued.token());
    answer.put("baseUrl", baseUrl(company));
    answer.put("created", issued.created().toString());
    return Response.status(Response.Status.CREATED)
        .entity(answer)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  @DELETE
  @Path("{company}/token")
  public Response revokeToken(@PathParam("company") String alias) {
    auth.realm().requireManageRealm();
    ScimTokens.revoke(realm, company(alias));
    LOG.infof("SCIM: token revoked for company %s in realm %s", alias, realm.getName());
    record(OperationType.DELETE, Map.of("company", alias));
    return Response.noContent().build();
  }

  private void record(OperationType operation, Map<String, Object> representation) {
    adminEvent
        .operation(operation)
        .resourcePath(session.getContext().getUri())
        .representation(representation)
        .success();
  }

  private Map<String, Object> describe(OrganizationModel company) {
    ScimSettings settings = ScimSettings.of(company);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("company", company.getAlias());
    answer.put("baseUrl", baseUrl(company));
    answer.put(
        "tokenCreated", ScimTokens.created(realm, company).map(Object::toString).orElse(null));
    answer.put(
        "identityProvider",
        settings.identityProvider() == null ? null : settings.identityProvider().getAlias());
    answer.put("onDelete", ScimSettings.onDelete(company));
    return answer;
  }

  private String baseUrl(OrganizationModel company) {
    return ScimResourceProviderFactory.baseUrl(session, realm, company).toString();
  }

  private OrganizationModel company(String alias) {
    return Companies.withAlias(session, alias);
  }

  private static void set(Map<String, List<String>> attributes, String name, String value) {
    if (value == null) {
      return;
    }
    if (value.isBlank()) {
      attributes.remove(name);
    } else {
      attributes.put(name, new ArrayList<>(List.of(value.strip())));
    }
  }
}
