package dev.companysso.portal.web;

import dev.companysso.core.text.FieldProblem;
import dev.companysso.portal.PortalUrls;
import dev.companysso.userstorage.directory.Directories;
import dev.companysso.userstorage.directory.DirectoryCheck;
import dev.companysso.userstorage.directory.DirectoryConfig;
import dev.companysso.userstorage.directory.DirectoryProviderFactory;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code …/company-sso-portal/provisioning/directory}: the company's directory sync, as its IT
 * admin runs it: the settings the company keeps (a company whose sign-in is Okta or Entra ID sets
 * its directory up here), the last run's report as a page (counts, conflicts, the safety cap), a
 * connection test, a full run now, and, when the safety cap stopped the last run, the same run
 * applied. Runs go on in the background; the page follows a run under way.
 */
public final class DirectoryResource extends PortalSection {

  /** How long the run button waits for the run to take the provider before showing the page. */
  private static final int START_WAIT_SECONDS = 10;

  private static final Logger LOG = Logger.getLogger(DirectoryResource.class);

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
  public Response page(@QueryParam("busy") boolean busy, @QueryParam("saved") boolean saved) {
    Map<String, Object> extra = new LinkedHashMap<>();
    if (busy) {
      extra.put("busy", true);
    }
    if (saved) {
      extra.put("saved", true);
    }
    return render(extra);
  }

  /**
   * Saves the settings the company keeps (creating the provider for the company's identity provider
   * if it has none), after the directory type's own check; nothing is saved while a problem
   * remains.
   */
  @POST
  @Path("settings")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response saveSettings(MultivaluedMap<String, String> posted) {
    access.requireCsrf(posted, pages);
    Optional<ComponentModel> saved = directory();
    Optional<Target> target = target(saved);
    if (target.isEmpty()) {
      return render(Map.of());
    }
    DirectoryProviderFactory type = target.get().type();
    DirectorySettingsForm form =
        DirectorySettingsForm.submitted(type.companySettings(), posted, saved);
    ComponentModel component =
        saved
            .map(ComponentModel::new)
            .orElseGet(() -> Directories.draft(realm, type, target.get().identityProvider()));
    form.applyTo(component);
    try {
      type.open(session, type.config(session, component));
    } catch (FieldProblem problem) {
      form = form.withError(problem.field(), problem.in(locale()));
    } catch (IllegalArgumentException e) {
      form = form.withError(null, e.getMessage());
    }
    if (!form.isValid()) {
      Map<String, Object> attributes = new LinkedHashMap<>();
      attributes.put("form", form);
      return render(attributes, Response.Status.BAD_REQUEST);
    }
    if (saved.isPresent()) {
      realm.updateComponent(component);
    } else {
      realm.addComponentModel(component);
    }
    access.record(
        session,
        realm,
        saved.isPresent() ? OperationType.UPDATE : OperationType.CREATE,
        "provisioning/directory/settings",
        form.withoutSecrets());
    return Response.seeOther(page("?saved=true")).build();
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

  /**
   * Starts a full run and answers once it is under way (the page then follows it); {@code apply}
   * passes the safety cap, offered only after it stopped a run.
   */
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
    boolean started = started(Directories.startFull(session, realm, directory.get(), apply));
    access.record(
        session,
        realm,
        OperationType.ACTION,
        "provisioning/directory/run",
        Map.of("forced", apply, "started", started));
    return Response.seeOther(page(started ? "" : "?busy=true")).build();
  }

  /** Whether the run took the provider; false when another run of it is under way. */
  private static boolean started(CompletableFuture<Boolean> start) {
    try {
      return start.get(START_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    } catch (TimeoutException e) {
      // Still waiting for the cluster's lock: the page shows the run once it holds it.
      return true;
    } catch (ExecutionException e) {
      LOG.warnf(e.getCause(), "Portal: a directory run could not start");
      return false;
    }
  }

  private URI page(String query) {
    return URI.create(PortalUrls.of(session, realm).portal() + "/provisioning/directory" + query);
  }

  /** The directory type and identity provider the company's settings are for. */
  private record Target(DirectoryProviderFactory type, String identityProvider) {}

  /**
   * The saved provider's type, or, for a company without one, the type that reads its first
   * identity provider (by alias) that a directory type can read.
   */
  private Optional<Target> target(Optional<ComponentModel> saved) {
    if (saved.isPresent()) {
      return Directories.factoryOf(session, saved.get())
          .map(type -> new Target(type, saved.get().get(DirectoryConfig.IDENTITY_PROVIDER)));
    }
    return access
        .company()
        .getIdentityProviders()
        .sorted(Comparator.comparing(IdentityProviderModel::getAlias))
        .flatMap(
            idp ->
                Directories.typeFor(session, idp)
                    .map(type -> new Target(type, idp.getAlias()))
                    .stream())
        .findFirst();
  }

  /** The company's directory provider: the first of its providers by name. */
  private Optional<ComponentModel> directory() {
    return Directories.ofCompany(session, realm, access.company()).stream().findFirst();
  }

  private Response render(Map<String, Object> extra) {
    return render(extra, Response.Status.OK);
  }

  private Response render(Map<String, Object> extra, Response.Status status) {
    Map<String, Object> attributes = new LinkedHashMap<>(extra);
    attributes.put("portal", PortalBean.of(access, dates));
    Optional<ComponentModel> directory = directory();
    directory.ifPresent(
        component -> {
          attributes.put("directory", component.getName());
          Directories.lastReport(realm, component)
              .ifPresent(report -> attributes.put("report", ReportView.of(report)));
          Directories.runningSince(realm, component)
              .ifPresent(since -> attributes.put("runningSince", dates.format(since)));
        });
    target(directory)
        .ifPresent(
            target -> {
              attributes.put("directoryType", target.type().getId());
              attributes.putIfAbsent(
                  "form", DirectorySettingsForm.of(target.type().companySettings(), directory));
            });
    return pages.page("directory", status, attributes);
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
