package dev.companysso.portal.web;

import dev.companysso.portal.PortalUrls;
import dev.companysso.userstorage.scim.ScimResourceProviderFactory;
import dev.companysso.userstorage.scim.ScimTokens;
import dev.companysso.userstorage.scim.activity.ScimActivities;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

/**
 * {@code …/company-sso-portal/provisioning}: the company's SCIM endpoint for its Okta or Entra ID
 * provisioning app, the values to paste there, and its bearer token: issued or rotated (shown once,
 * on the page that answers, the old one stops at once) and revoked; when the provisioning app last
 * called, and its last failed requests.
 */
public final class ProvisioningResource extends PortalSection {

  private static final Logger LOG = Logger.getLogger(ProvisioningResource.class);

  ProvisioningResource(
      KeycloakSession session,
      RealmModel realm,
      PortalAccess access,
      PortalPages pages,
      DateTimeFormatter dates) {
    super(session, realm, access, pages, dates);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response page() {
    return render(null);
  }

  /** The company's directory sync: its settings, a test, a run, the report. */
  @Path("directory")
  public DirectoryResource directory() {
    return new DirectoryResource(session, realm, access, pages, dates);
  }

  @POST
  @Path("token")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response issue(MultivaluedMap<String, String> form) {
    access.requireCsrf(form, pages);
    OrganizationModel company = access.company();
    boolean rotated = ScimTokens.created(realm, company).isPresent();
    ScimTokens.Issued issued = ScimTokens.issue(realm, company);
    LOG.infof(
        "SCIM: token %s for company %s in realm %s through the portal",
        rotated ? "rotated" : "issued", company.getAlias(), realm.getName());
    access.record(
        session,
        realm,
        OperationType.CREATE,
        "provisioning/token",
        Map.of("created", issued.created().toString(), "rotated", rotated));
    return render(issued.token());
  }

  @POST
  @Path("token/revoke")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response revoke(MultivaluedMap<String, String> form) {
    access.requireCsrf(form, pages);
    OrganizationModel company = access.company();
    ScimTokens.revoke(realm, company);
    LOG.infof(
        "SCIM: token revoked for company %s in realm %s through the portal",
        company.getAlias(), realm.getName());
    access.record(session, realm, OperationType.DELETE, "provisioning/token", Map.of());
    return Response.seeOther(URI.create(PortalUrls.of(session, realm).portal() + "/provisioning"))
        .build();
  }

  /** The page; {@code newToken} is shown once, on the answer to issuing it. */
  private Response render(String newToken) {
    OrganizationModel company = access.company();
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("portal", PortalBean.of(access, dates));
    attributes.put(
        "scimBaseUrl", ScimResourceProviderFactory.baseUrl(session, realm, company).toString());
    ScimTokens.created(realm, company)
        .ifPresent(created -> attributes.put("tokenCreated", dates.format(created)));
    attributes.put("activity", ScimActivityView.of(ScimActivities.of(session, company), dates));
    if (newToken != null) {
      attributes.put("newToken", newToken);
    }
    return pages.page("provisioning", Response.Status.OK, attributes);
  }
}
