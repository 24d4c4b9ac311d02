package dev.companysso.portal.admin;

import dev.companysso.core.Companies;
import dev.companysso.core.admin.CompanyPermissions;
import dev.companysso.portal.PortalClient;
import dev.companysso.portal.PortalEvents;
import dev.companysso.portal.PortalUrls;
import dev.companysso.portal.links.Section;
import dev.companysso.portal.links.SetupLink;
import dev.companysso.portal.links.SetupLinkRequest;
import dev.companysso.portal.links.SetupLinks;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/company-sso-setup-links/{company}}: vendor staff who may manage the
 * company (manage-realm, manage-organizations, or that organization's fine-grained permission)
 * create ({@code POST}), list ({@code GET}) and revoke ({@code DELETE …/{id}}) its setup links. The
 * link's URL, with its secret, is in the answer to {@code POST} only.
 */
public final class SetupLinkResource {

  /** The resource type of the admin events of setup links (the token is never recorded). */
  public static final String ADMIN_EVENT_RESOURCE = "COMPANY_SSO_SETUP_LINK";

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;
  private final AdminEventBuilder adminEvent;

  SetupLinkResource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent) {
    this.session = session;
    this.realm = realm;
    this.auth = auth;
    this.adminEvent = adminEvent.resource(ADMIN_EVENT_RESOURCE);
  }

  @POST
  @Path("{company}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response create(@PathParam("company") String alias, SetupLinkRequest request) {
    OrganizationModel company = Companies.withAlias(session, alias);
    CompanyPermissions.requireManage(auth, company);
    SetupLinkRequest asked = request == null ? new SetupLinkRequest(null, null, null) : request;
    List<String> problems = new ArrayList<>();
    Set<Section> sections = asked.sections(problems);
    Instant expires = asked.expiry(Instant.now(), problems);
    if (!problems.isEmpty()) {
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(Map.of("errorMessage", String.join(" ", problems)))
          .type(MediaType.APPLICATION_JSON_TYPE)
          .build();
    }
    PortalClient.ensure(realm);
    SetupLinks.Created created =
        new SetupLinks(session, realm)
            .create(
                company,
                sections,
                expires,
                auth.adminAuth().getRealm(),
                auth.adminAuth().getUser());
    Map<String, Object> answer = describe(created.link(), company);
    answer.put("url", PortalUrls.of(session, realm).setupLink(created.token()));
    adminEvent
        .operation(OperationType.CREATE)
        .resourcePath(session.getContext().getUri(), created.link().id())
        .representation(describe(created.link(), company))
        .success();
    return Response.status(Response.Status.CREATED)
        .entity(answer)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  @GET
  @Path("{company}")
  @Produces(MediaType.APPLICATION_JSON)
  public List<Map<String, Object>> list(@PathParam("company") String alias) {
    OrganizationModel company = Companies.withAlias(session, alias);
    CompanyPermissions.requireView(auth, company);
    return new SetupLinks(session, realm)
        .of(company).stream().map(link -> describe(link, company)).toList();
  }

  @DELETE
  @Path("{company}/{id}")
  public Response revoke(@PathParam("company") String alias, @PathParam("id") String id) {
    OrganizationModel company = Companies.withAlias(session, alias);
    CompanyPermissions.requireManage(auth, company);
    if (!new SetupLinks(session, realm).revoke(company, id)) {
      throw new NotFoundException("Company " + alias + " has no setup link " + id);
    }
    adminEvent
        .operation(OperationType.DELETE)
        .resourcePath(session.getContext().getUri())
        .representation(Map.of("company", alias, "id", id))
        .success();
    return Response.noContent().build();
  }

  private Map<String, Object> describe(SetupLink link, OrganizationModel company) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", link.id());
    view.put("company", company.getAlias());
    view.put("sections", link.sections().stream().map(Section::key).toList());
    view.put("state", link.state(Instant.now()).name().toLowerCase(Locale.ROOT));
    view.put("created", link.created().toString());
    view.put("createdBy", PortalEvents.creatorName(session, link));
    view.put("expires", link.expires().toString());
    view.put("lastUsed", link.lastUsed() == null ? null : link.lastUsed().toString());
    return view;
  }
}
