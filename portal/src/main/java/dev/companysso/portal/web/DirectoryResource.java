package dev.companysso.portal.web;

import dev.companysso.portal.PortalUrls;
import dev.companysso.userstorage.directory.Directories;
import dev.companysso.userstorage.directory.DirectoryCheck;
import dev.companysso.userstorage.directory.SyncReport;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.component.ComponentModel;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code …/company-sso-portal/provisioning/directory}: the company's directory sync, as its IT
 * admin runs it: the last run's report as a page (counts, conflicts, the safety cap), a connection
 * test, a full run now, and, when the safety cap stopped the last run, the same run applied.
 */
public final class DirectoryResource extends PortalSection {

  DirectoryResource(
      KeycloakSession session,
      RealmModel realm,
      PortalAccess access,
      PortalPages pages,
      DateTimeFormatter dates) {
    super(session, realm, access, pages, dates);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response page(@QueryParam("busy") boolean busy) {
    return render(busy ? Map.of("busy", true) : Map.of());
  }

  @POST
  @Path("test")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response test(MultivaluedMap<String, String> form) {
    access.requireCsrf(form, pages);
    Optional<ComponentModel> directory = directory();
    if (directory.isEmpty()) {
      return render(Map.of());
    }
    List<DirectoryCheck> checks = Directories.test(session, directory.get());
    access.record(
        session,
        realm,
        OperationType.ACTION,
        "provisioning/directory/test",
        Map.of("ok", checks.stream().allMatch(DirectoryCheck::ok)));
    return render(
        Map.of(
            "checks",
            checks.stream()
                .map(c -> Map.of("name", c.name(), "ok", c.ok(), "message", c.message()))
                .toList()));
  }

  /** A full run now; {@code apply} passes the safety cap, offered only after it stopped a run. */
  @POST
  @Path("run")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response run(MultivaluedMap<String, String> form) {
    access.requireCsrf(form, pages);
    Optional<ComponentModel> directory = directory();
    if (directory.isEmpty()) {
      return render(Map.of());
    }
    boolean apply =
        "true".equals(form.getFirst("apply"))
            && Directories.lastReport(realm, directory.get())
                .filter(r -> r.outcome == SyncReport.Outcome.STOPPED_BY_SAFETY_CAP)
                .isPresent();
    Optional<SyncReport> report = Directories.runFull(session, realm, directory.get(), apply);
    access.record(
        session,
        realm,
        OperationType.ACTION,
        "provisioning/directory/run",
        Map.of(
            "forced",
            apply,
            "outcome",
            report.map(r -> String.valueOf(r.outcome)).orElse("ALREADY_RUNNING")));
    // The run wrote its report in transactions of its own: a new request reads it.
    return Response.seeOther(
            URI.create(
                PortalUrls.of(session, realm).portal()
                    + "/provisioning/directory"
                    + (report.isEmpty() ? "?busy=true" : "")))
        .build();
  }

  /** The company's directory provider: the first of its providers by name. */
  private Optional<ComponentModel> directory() {
    return Directories.ofCompany(session, realm, access.company()).stream().findFirst();
  }

  private Response render(Map<String, Object> extra) {
    Map<String, Object> attributes = new LinkedHashMap<>(extra);
    attributes.put("portal", PortalBean.of(access, dates));
    directory()
        .ifPresent(
            component -> {
              attributes.put("directory", component.getName());
              attributes.put("directoryType", component.getProviderId());
              Directories.lastReport(realm, component)
                  .ifPresent(report -> attributes.put("report", ReportView.of(report)));
            });
    return pages.page("directory", Response.Status.OK, attributes);
  }

  /** A run's report as the page shows it. */
  public record ReportView(
      String outcome,
      boolean forced,
      String started,
      String finished,
      String message,
      int created,
      int updated,
      int reactivated,
      int disabled,
      int wouldDisable,
      int managed,
      int skippedInactive,
      int conflicts,
      int failed,
      List<String> notes) {

    /** A count of the report, named as its message key ends. */
    public record Count(String name, int value) {}

    /** The counts in the order the page lists them. */
    public List<Count> counts() {
      return List.of(
          new Count("created", created),
          new Count("updated", updated),
          new Count("reactivated", reactivated),
          new Count("disabled", disabled),
          new Count("wouldDisable", wouldDisable),
          new Count("managed", managed),
          new Count("skippedInactive", skippedInactive),
          new Count("conflicts", conflicts),
          new Count("failed", failed));
    }

    static ReportView of(SyncReport report) {
      return new ReportView(
          String.valueOf(report.outcome),
          report.forced,
          report.started,
          report.finished,
          report.message,
          report.created,
          report.updated,
          report.reactivated,
          report.disabled,
          report.wouldDisable,
          report.managed,
          report.skippedInactive,
          report.conflicts,
          report.failed,
          report.notes);
    }
  }
}
