package dev.companysso.authenticator.access.admin;

import dev.companysso.core.Companies;
import dev.companysso.core.CompanyRoles;
import dev.companysso.core.RolesPerCompanySwitch;
import dev.companysso.core.access.AppAccess;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/company-sso-access}: the company access policy, from the app's side
 * ({@code clients/{clientId}}: which companies it admits) and from the company's ({@code
 * companies/{code}}: the apps it may use, each with an optional required role). The same client and
 * organization attributes a realm JSON holds ({@link AppAccess}); a change ends at once the
 * sessions the policy now refuses. Also roles per company: the realm's switch ({@code
 * roles-per-company}) and a member's roles in one company ({@code
 * companies/{code}/members/{userId}/roles}).
 */
public final class AppAccessResource {

  /** The body of a client's setting. */
  public record ClientAccess(String companies) {}

  /** The body of a company's setting. */
  public record CompanyApps(List<String> apps) {}

  /** Whether companies grant roles per company; the answer to a switch says what it moved. */
  public record RolesPerCompany(
      Boolean enabled, Integer moved, Integer people, List<String> keptRealmWide) {}

  /** The roles a member holds in one company ({@code Owner}, {@code billing-app.admin}). */
  public record MemberRoles(List<String> roles) {}

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;
  private final AdminEventBuilder adminEvent;

  AppAccessResource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent) {
    this.session = session;
    this.realm = realm;
    this.auth = auth;
    this.adminEvent = adminEvent.resource("COMPANY_SSO_ACCESS");
  }

  @GET
  @Path("clients/{clientId}")
  @Produces(MediaType.APPLICATION_JSON)
  public ClientAccess client(@PathParam("clientId") String clientId) {
    ClientModel client = client(clientId, false);
    return new ClientAccess(AppAccess.Mode.of(client).value());
  }

  @PUT
  @Path("clients/{clientId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response setClient(@PathParam("clientId") String clientId, ClientAccess access) {
    ClientModel client = client(clientId, true);
    Optional<AppAccess.Mode> mode =
        AppAccess.Mode.parse(access == null ? null : access.companies());
    if (mode.isEmpty()) {
      return badRequest(List.of("companies: one of all, listed, none"));
    }
    int ended = AppAccess.admit(session, realm, client, mode.get());
    record(Map.of("clientId", clientId, "companies", mode.get().value(), "sessionsEnded", ended));
    return Response.ok(new ClientAccess(mode.get().value()), MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  @GET
  @Path("companies/{code}")
  @Produces(MediaType.APPLICATION_JSON)
  public CompanyApps company(@PathParam("code") String code) {
    auth.realm().requireViewRealm();
    return new CompanyApps(
        AppAccess.grants(Companies.withAlias(session, code)).stream()
            .map(AppAccess.Grant::value)
            .toList());
  }

  @PUT
  @Path("companies/{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response setCompany(@PathParam("code") String code, CompanyApps apps) {
    auth.realm().requireManageRealm();
    OrganizationModel company = Companies.withAlias(session, code);
    List<String> wanted = apps == null || apps.apps() == null ? List.of() : apps.apps();
    AppAccess.Replaced replaced = AppAccess.replaceGrants(session, realm, company, wanted);
    if (!replaced.problems().isEmpty()) {
      return badRequest(replaced.problems());
    }
    record(
        Map.of(
            "company", code, "apps", replaced.apps(), "sessionsEnded", replaced.sessionsEnded()));
    return Response.ok(new CompanyApps(replaced.apps()), MediaType.APPLICATION_JSON_TYPE).build();
  }

  @GET
  @Path("roles-per-company")
  @Produces(MediaType.APPLICATION_JSON)
  public RolesPerCompany rolesPerCompany() {
    auth.realm().requireViewRealm();
    return new RolesPerCompany(CompanyRoles.perCompany(realm), null, null, null);
  }

  /**
   * Turning it on moves the grants companies made realm-wide into the company that made them
   * ({@link RolesPerCompanySwitch}); turning it off only sends new grants realm-wide again.
   */
  @PUT
  @Path("roles-per-company")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response setRolesPerCompany(RolesPerCompany wanted) {
    auth.realm().requireManageRealm();
    if (wanted == null || wanted.enabled() == null) {
      return badRequest(List.of("enabled: true or false"));
    }
    RolesPerCompany answer;
    if (wanted.enabled()) {
      RolesPerCompanySwitch.Outcome outcome = RolesPerCompanySwitch.turnOn(session, realm);
      answer =
          new RolesPerCompany(true, outcome.moved(), outcome.people(), outcome.keptRealmWide());
    } else {
      RolesPerCompanySwitch.turnOff(realm);
      answer = new RolesPerCompany(false, 0, 0, List.of());
    }
    record(Map.of("rolesPerCompany", answer));
    return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
  }

  @GET
  @Path("companies/{code}/members/{userId}/roles")
  @Produces(MediaType.APPLICATION_JSON)
  public MemberRoles memberRoles(@PathParam("code") String code, @PathParam("userId") String id) {
    OrganizationModel company = Companies.withAlias(session, code);
    UserModel user = member(company, id);
    auth.users().requireView(user);
    return new MemberRoles(
        CompanyRoles.roles(realm, user, company).map(CompanyRoles::qualifier).toList());
  }

  /** Replaces the roles the member holds in the company; realm-wide roles stay as they are. */
  @PUT
  @Path("companies/{code}/members/{userId}/roles")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response setMemberRoles(
      @PathParam("code") String code, @PathParam("userId") String id, MemberRoles wanted) {
    OrganizationModel company = Companies.withAlias(session, code);
    UserModel user = member(company, id);
    auth.users().requireManage(user);
    List<String> names = wanted == null || wanted.roles() == null ? List.of() : wanted.roles();
    List<String> problems = new ArrayList<>();
    List<RoleModel> roles = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      RoleModel role =
          names.get(i) == null ? null : KeycloakModelUtils.getRoleFromString(realm, names.get(i));
      if (role == null) {
        problems.add("roles[" + i + "]: no role '" + names.get(i) + "' in this realm");
      } else {
        auth.roles().requireMapRole(role);
        roles.add(role);
      }
    }
    if (!problems.isEmpty()) {
      return badRequest(problems);
    }
    List<String> held = CompanyRoles.replace(user, company, roles);
    record(Map.of("company", code, "user", user.getId(), "roles", held));
    return Response.ok(new MemberRoles(held), MediaType.APPLICATION_JSON_TYPE).build();
  }

  private UserModel member(OrganizationModel company, String userId) {
    UserModel user = session.users().getUserById(realm, userId);
    if (user == null || !company.isMember(user)) {
      throw new NotFoundException("No member " + userId + " of " + company.getAlias());
    }
    return user;
  }

  private ClientModel client(String clientId, boolean manage) {
    ClientModel client = realm.getClientByClientId(clientId);
    if (client == null) {
      throw new NotFoundException("No client " + clientId);
    }
    if (manage) {
      auth.clients().requireConfigure(client);
    } else {
      auth.clients().requireView(client);
    }
    return client;
  }

  private static Response badRequest(List<String> problems) {
    return Response.status(Response.Status.BAD_REQUEST)
        .entity(Map.of("errorMessage", String.join("; ", problems), "problems", problems))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  private void record(Map<String, Object> representation) {
    adminEvent
        .operation(OperationType.UPDATE)
        .resourcePath(session.getContext().getUri())
        .representation(representation)
        .success();
  }
}
