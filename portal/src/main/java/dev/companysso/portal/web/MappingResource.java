package dev.companysso.portal.web;

import dev.companysso.mappers.TablePreview;
import dev.companysso.mappers.known.KnownGroups;
import dev.companysso.mappers.rules.RuleTable;
import dev.companysso.mappers.rules.RuleTableException;
import dev.companysso.portal.mapping.CompanyTables;
import dev.companysso.portal.mapping.TableKind;
import dev.companysso.portal.mapping.TableRow;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * {@code …/company-sso-portal/mapping}: the company's group-to-role and group-to-team tables. The
 * company edits its own rows, granting only what the vendor made assignable; the vendor's rows are
 * shown and kept. "Preview" runs the proposed table against the groups each known person last sent
 * and lists who would gain or lose what; only then "Save". "Explain" shows, for one person of the
 * company, which rule grants each role and team.
 */
public final class MappingResource extends PortalSection {

  /** People listed in one preview; the count says how many more would change. */
  static final int PREVIEW_LIMIT = 200;

  MappingResource(
      KeycloakSession session,
      RealmModel realm,
      PortalAccess access,
      PortalPages pages,
      DateTimeFormatter dates) {
    super(session, realm, access, pages, dates);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response page(@QueryParam("person") String person) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    Optional<CompanyTables> tables = CompanyTables.of(session, realm, access.company());
    if (tables.isPresent() && person != null && !person.isBlank()) {
      attributes.put("person", person.strip());
      explain(tables.get(), person.strip()).ifPresent(e -> attributes.put("explained", e));
    }
    return render(tables, null, attributes, Response.Status.OK);
  }

  @POST
  @Path("{kind}/preview")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response preview(@PathParam("kind") String kind, MultivaluedMap<String, String> form) {
    CompanyTables tables = tables();
    MappingForm posted = checked(tables, kind, form);
    return render(
        Optional.of(tables),
        posted,
        Map.of("preview", preview(tables, posted), "previewKind", posted.kind()),
        Response.Status.OK);
  }

  @POST
  @Path("{kind}/save")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response save(@PathParam("kind") String kind, MultivaluedMap<String, String> form) {
    CompanyTables tables = tables();
    MappingForm posted = checked(tables, kind, form);
    tables.save(posted.tableKind(), posted.rows());
    access.record(
        session,
        realm,
        OperationType.UPDATE,
        "mapping/" + posted.kind(),
        Map.of(
            "identityProvider",
            tables.provider().getAlias(),
            "rules",
            posted.rows().stream()
                .map(row -> Map.of("pattern", row.pattern(), "targets", row.targets()))
                .toList()));
    return render(Optional.of(tables), null, Map.of("saved", posted.kind()), Response.Status.OK);
  }

  /** The posted rows of a table, checked; otherwise the page naming their problems (400). */
  private MappingForm checked(
      CompanyTables tables, String kind, MultivaluedMap<String, String> form) {
    access.requireCsrf(form, pages);
    MappingForm posted = MappingForm.posted(session, realm, kind(kind), form, tables);
    if (!posted.valid()) {
      throw new WebApplicationException(
          render(Optional.of(tables), posted, Map.of(), Response.Status.BAD_REQUEST));
    }
    return posted;
  }

  /** What the proposed table would change, person by person. */
  private PreviewView preview(CompanyTables tables, MappingForm posted) {
    TableKind kind = posted.tableKind();
    TablePreview<?> preview;
    try {
      preview =
          tables
              .mapper(kind)
              .preview(
                  session,
                  realm,
                  tables.provider(),
                  tables.mapperModel(kind, posted.rows()),
                  tables.proposed(kind, posted.rows()));
    } catch (RuleTableException checkedAbove) {
      throw new IllegalStateException("A checked table did not parse", checkedAbove);
    }
    List<PreviewView.Person> changes = new ArrayList<>();
    int known = 0;
    int changing = 0;
    for (KnownGroups.Known person : KnownGroups.of(session, access.company()).toList()) {
      UserModel user = session.users().getUserById(realm, person.userId());
      if (user == null || !memberOfCompany(user)) {
        continue;
      }
      known++;
      Optional<TablePreview.Change> change =
          preview.changeFor(user, person.groups(), person.complete());
      if (change.isPresent()) {
        changing++;
        if (changes.size() < PREVIEW_LIMIT) {
          changes.add(PreviewView.Person.of(change.get()));
        }
      }
    }
    return new PreviewView(known, changing, changes);
  }

  /** Which rule grants each role and team to one person of the company, by their known groups. */
  private Optional<ExplainView> explain(CompanyTables tables, String person) {
    UserModel user =
        Optional.ofNullable(session.users().getUserByUsername(realm, person))
            .or(() -> Optional.ofNullable(session.users().getUserByEmail(realm, person)))
            .filter(this::memberOfCompany)
            .orElse(null);
    if (user == null) {
      return Optional.empty();
    }
    Optional<KnownGroups.Known> known = KnownGroups.of(session, user);
    List<String> groups = known.map(KnownGroups.Known::groups).orElse(List.of());
    Map<String, List<TablePreview.Grant>> grants = new LinkedHashMap<>();
    for (TableKind kind : TableKind.values()) {
      List<TableRow> companyRows = MappingForm.saved(kind, tables).rows();
      try {
        RuleTable current = tables.proposed(kind, companyRows);
        grants.put(
            kind.key(),
            tables
                .mapper(kind)
                .preview(
                    session,
                    realm,
                    tables.provider(),
                    tables.mapperModel(kind, companyRows),
                    current)
                .explain(user, groups));
      } catch (RuleTableException unreadable) {
        grants.put(kind.key(), List.of());
      }
    }
    return Optional.of(
        new ExplainView(
            user.getUsername(),
            known.isPresent(),
            groups,
            grants.get("roles"),
            grants.get("teams")));
  }

  private boolean memberOfCompany(UserModel user) {
    return session.getProvider(OrganizationProvider.class).isMember(access.company(), user);
  }

  private CompanyTables tables() {
    return CompanyTables.of(session, realm, access.company())
        .orElseThrow(
            () ->
                new WebApplicationException(
                    pages.message(
                        Response.Status.CONFLICT,
                        "companySsoPortalMappingHeading",
                        "companySsoPortalMappingNoProvider")));
  }

  private TableKind kind(String key) {
    return TableKind.named(key)
        .orElseThrow(
            () ->
                new WebApplicationException(
                    pages.message(
                        Response.Status.NOT_FOUND,
                        "companySsoPortalMappingHeading",
                        "companySsoPortalMappingNoTable")));
  }

  private Response render(
      Optional<CompanyTables> tables,
      MappingForm posted,
      Map<String, Object> extra,
      Response.Status status) {
    OrganizationModel company = access.company();
    Map<String, Object> attributes = new LinkedHashMap<>(extra);
    attributes.put("portal", PortalBean.of(access, dates));
    tables.ifPresent(
        t -> {
          attributes.put("provider", t.provider().getAlias());
          List<TableView> views = new ArrayList<>();
          for (TableKind kind : TableKind.values()) {
            MappingForm form =
                posted != null && posted.tableKind() == kind ? posted : MappingForm.saved(kind, t);
            views.add(
                new TableView(
                    kind.key(),
                    t.rows(kind).stream().filter(TableRow::vendor).toList(),
                    form,
                    kind.offered(t.assignable())));
          }
          attributes.put("tables", views);
        });
    attributes.put("companyCode", company.getAlias());
    return pages.page("mapping", status, attributes);
  }

  /** One table on the page: the vendor's rows, the company's form, what it may grant. */
  public record TableView(
      String kind, List<TableRow> vendorRows, MappingForm form, List<String> offered) {}

  /** The preview of a proposed table. */
  public record PreviewView(int known, int changing, List<Person> people) {

    /** One person who would change. */
    public record Person(
        String username, List<String> gains, List<String> losses, boolean partial) {
      static Person of(TablePreview.Change change) {
        return new Person(
            change.user().getUsername(), change.gains(), change.losses(), change.partial());
      }
    }
  }

  /** Why a person has the roles and teams the tables grant. */
  public record ExplainView(
      String username,
      boolean groupsKnown,
      List<String> groups,
      List<TablePreview.Grant> roles,
      List<TablePreview.Grant> teams) {}
}
