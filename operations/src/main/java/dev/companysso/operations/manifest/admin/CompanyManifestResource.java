package dev.companysso.operations.manifest.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.companysso.operations.manifest.CompanyManifest;
import dev.companysso.operations.manifest.CompanyManifests;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/company-sso/companies}: companies as code. {@code PUT {code}} makes
 * the company what its manifest says ({@code ?dryRun=true}: only answers the plan), {@code GET
 * {code}} exports it, {@code POST companies:batch} applies many, each on its own (its own
 * transaction): one bad manifest does not stop the others.
 */
public final class CompanyManifestResource {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;
  private final AdminEventBuilder adminEvent;

  CompanyManifestResource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent) {
    this.session = session;
    this.realm = realm;
    this.auth = auth;
    this.adminEvent = adminEvent.resource("COMPANY_SSO_MANIFEST");
  }

  @GET
  @Path("companies/{code}")
  @Produces(MediaType.APPLICATION_JSON)
  public CompanyManifest export(@PathParam("code") String code) {
    auth.realm().requireViewRealm();
    CompanyManifest manifest = new CompanyManifests(session, realm).export(code);
    if (manifest == null) {
      throw new NotFoundException("No company " + code);
    }
    return manifest;
  }

  @PUT
  @Path("companies/{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response apply(
      @PathParam("code") String code, @QueryParam("dryRun") boolean dryRun, JsonNode manifest) {
    auth.realm().requireManageRealm();
    CompanyManifests.Outcome outcome =
        new CompanyManifests(session, realm).apply(code, manifest, dryRun);
    if (!outcome.problems().isEmpty()) {
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(answer(code, outcome))
          .type(MediaType.APPLICATION_JSON_TYPE)
          .build();
    }
    if (outcome.applied()) {
      adminEvent
          .operation(OperationType.UPDATE)
          .resourcePath(session.getContext().getUri())
          .representation(answer(code, outcome))
          .success();
    }
    return Response.ok(answer(code, outcome), MediaType.APPLICATION_JSON_TYPE).build();
  }

  /**
   * Many manifests ({@code {"companies": [manifest, …]}}, each with its {@code code}); the answer
   * lists each company's outcome in order. Each manifest is checked whole and applied on its own.
   */
  @POST
  @Path("companies:batch")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response batch(@QueryParam("dryRun") boolean dryRun, JsonNode body) {
    auth.realm().requireManageRealm();
    JsonNode companies = body == null ? null : body.get("companies");
    if (companies == null || !companies.isArray()) {
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(Map.of("problems", List.of("companies: a list of manifests")))
          .type(MediaType.APPLICATION_JSON_TYPE)
          .build();
    }
    List<Map<String, Object>> answers = new ArrayList<>();
    int applied = 0;
    for (JsonNode manifest : companies) {
      String code = manifest.path("code").isTextual() ? manifest.get("code").asText() : null;
      CompanyManifests.Outcome outcome = applyOnItsOwn(code, manifest, dryRun);
      answers.add(answer(code, outcome));
      applied += outcome.applied() ? 1 : 0;
    }
    if (applied > 0) {
      adminEvent
          .operation(OperationType.UPDATE)
          .resourcePath(session.getContext().getUri())
          .representation(Map.of("applied", applied, "companies", companies.size()))
          .success();
    }
    return Response.ok(Map.of("companies", answers), MediaType.APPLICATION_JSON_TYPE).build();
  }

  /**
   * One manifest of a batch in a transaction of its own: one company's failure leaves the others
   * applied, and the database session stays as small as one company (a batch in one transaction
   * makes every query of the thousandth company flush all the others first).
   */
  private CompanyManifests.Outcome applyOnItsOwn(String code, JsonNode manifest, boolean dryRun) {
    return KeycloakModelUtils.runJobInTransactionWithResult(
        session.getKeycloakSessionFactory(),
        own -> {
          RealmModel ownRealm = own.realms().getRealm(realm.getId());
          own.getContext().setRealm(ownRealm);
          return new CompanyManifests(own, ownRealm).apply(code, manifest, dryRun);
        });
  }

  private static Map<String, Object> answer(String code, CompanyManifests.Outcome outcome) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("code", code);
    answer.put("applied", outcome.applied());
    answer.put("changes", outcome.changes());
    if (!outcome.problems().isEmpty()) {
      answer.put("problems", outcome.problems());
    }
    return answer;
  }
}
