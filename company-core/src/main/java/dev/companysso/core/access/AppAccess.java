package dev.companysso.core.access;

import dev.companysso.core.Companies;
import dev.companysso.core.CompanyRoles;
import dev.companysso.core.SettingLists;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.keycloak.events.Details;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

/**
 * Which companies may use which apps, and who within a company: one setting seen from both sides. A
 * client says which companies it admits ({@link #CLIENT_ATTRIBUTE}: {@code all}, the default,
 * {@code listed} or {@code none}); a company lists the apps it may use ({@link #COMPANY_ATTRIBUTE},
 * one value per app: its client ID, optionally {@code :role} for the role a member needs). People
 * who belong to no company are not the policy's concern: they are admitted.
 *
 * <p>The company a login is judged for is the one whose identity provider the person signed in
 * with; without one (a password, or an SSO session from another login) each of their companies is
 * asked, and one that admits them is enough.
 */
public final class AppAccess {

  /** Client attribute: which companies may sign in to the app: all, listed, none. */
  public static final String CLIENT_ATTRIBUTE = "companySso.companies";

  /** Organization attribute: the apps the company may use, one client ID per value. */
  public static final String COMPANY_ATTRIBUTE = "companySso.apps";

  /** Organization attribute: the role a member needs for an app, {@code clientId:role} each. */
  public static final String ROLES_ATTRIBUTE = "companySso.appRoles";

  /** Which companies a client admits. */
  public enum Mode {
    ALL,
    LISTED,
    NONE;

    public static Mode of(ClientModel client) {
      String value = client.getAttribute(CLIENT_ATTRIBUTE);
      if (value == null || value.isBlank()) {
        return ALL;
      }
      // An unknown value must not open an app its admin meant to close.
      return parse(value).orElse(NONE);
    }

    /** A mode as an admin writes it ({@code all}, {@code listed}, {@code none}); empty if not. */
    public static Optional<Mode> parse(String value) {
      return value == null
          ? Optional.empty()
          : switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "all" -> Optional.of(ALL);
            case "listed" -> Optional.of(LISTED);
            case "none" -> Optional.of(NONE);
            default -> Optional.empty();
          };
    }

    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One app a company may use, and the role a member needs for it, if any. */
  public record Grant(String clientId, Optional<String> requiredRole) {

    static Grant parse(String value) {
      int colon = value.indexOf(':');
      return colon < 0
          ? new Grant(value.strip(), Optional.empty())
          : new Grant(
              value.substring(0, colon).strip(),
              Optional.of(value.substring(colon + 1).strip()).filter(r -> !r.isEmpty()));
    }

    public String value() {
      return requiredRole.map(role -> clientId + ":" + role).orElse(clientId);
    }
  }

  /** Why a company's member is refused an app. */
  public enum Refusal {
    /** The app does not admit the company. */
    COMPANY_NOT_ADMITTED,
    /** The company may use the app, this member lacks the role it requires. */
    ROLE_REQUIRED
  }

  /**
   * The answer for one login: admitted, or refused for a company and why.
   *
   * @param company the company the refusal is about; null when admitted
   */
  public record Verdict(OrganizationModel company, Optional<Refusal> refusal) {

    static final Verdict ADMITTED = new Verdict(null, Optional.empty());

    public boolean admitted() {
      return refusal.isEmpty();
    }
  }

  private AppAccess() {}

  /**
   * Sets which companies the app admits and ends at once the sessions of the app it now refuses.
   *
   * @return how many sessions ended
   */
  public static int admit(
      KeycloakSession session, RealmModel realm, ClientModel client, Mode mode) {
    client.setAttribute(CLIENT_ATTRIBUTE, mode.value());
    return endRefusedSessions(session, realm, client);
  }

  /** The apps that do not admit every company, by client ID. */
  public static Stream<ClientModel> limitedApps(RealmModel realm) {
    return realm
        .getClientsStream()
        .filter(client -> Mode.of(client) != Mode.ALL)
        .sorted(java.util.Comparator.comparing(ClientModel::getClientId));
  }

  /**
   * Problems with a company's list of apps, each naming its place ({@code apps[1]: …}): a client
   * that does not exist, a required role that does not exist. Empty when the list can be saved.
   */
  public static List<String> problems(
      KeycloakSession session, RealmModel realm, List<String> apps) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < apps.size(); i++) {
      Grant grant = Grant.parse(apps.get(i) == null ? "" : apps.get(i));
      String place = "apps[" + i + "]: ";
      if (grant.clientId().isEmpty()) {
        problems.add(place + "empty; name a client ID, optionally followed by :role");
      } else if (realm.getClientByClientId(grant.clientId()) == null) {
        problems.add(place + "no client '" + grant.clientId() + "' in this realm");
      }
      grant
          .requiredRole()
          .filter(role -> KeycloakModelUtils.getRoleFromString(realm, role) == null)
          .ifPresent(role -> problems.add(place + "no role '" + role + "' in this realm"));
    }
    return problems;
  }

  /**
   * Ends the sessions of {@code client} whose person the policy now refuses, so that a company
   * removed from an app (or a role no longer enough) is out of the app at once, not when its tokens
   * expire.
   *
   * @return how many sessions ended
   */
  public static int endRefusedSessions(
      KeycloakSession session, RealmModel realm, ClientModel client) {
    List<UserSessionModel> refused =
        session
            .sessions()
            .getUserSessionsStream(realm, client)
            .filter(
                userSession ->
                    !decide(
                            session,
                            realm,
                            client,
                            userSession.getUser(),
                            Optional.ofNullable(userSession.getNote(Details.IDENTITY_PROVIDER)))
                        .admitted())
            .toList();
    refused.forEach(
        userSession -> userSession.removeAuthenticatedClientSessions(List.of(client.getId())));
    return refused.size();
  }

  /** The apps a company may use and the role each requires, as its attributes list them. */
  public static List<Grant> grants(OrganizationModel company) {
    Map<String, String> roles = new LinkedHashMap<>();
    values(company, ROLES_ATTRIBUTE).stream()
        .map(Grant::parse)
        .filter(grant -> grant.requiredRole().isPresent())
        .forEach(grant -> roles.putIfAbsent(grant.clientId(), grant.requiredRole().get()));
    return values(company, COMPANY_ATTRIBUTE).stream()
        .map(Grant::parse)
        .map(Grant::clientId)
        .filter(clientId -> !clientId.isEmpty())
        .distinct()
        .map(clientId -> new Grant(clientId, Optional.ofNullable(roles.get(clientId))))
        .toList();
  }

  /** Writes a company's apps (as {@link #grants} reads them back). */
  private static void setGrants(OrganizationModel company, List<Grant> grants) {
    Map<String, List<String>> attributes = new LinkedHashMap<>(company.getAttributes());
    List<String> apps = grants.stream().map(Grant::clientId).distinct().toList();
    List<String> roles =
        grants.stream().filter(g -> g.requiredRole().isPresent()).map(Grant::value).toList();
    put(attributes, COMPANY_ATTRIBUTE, apps);
    put(attributes, ROLES_ATTRIBUTE, roles);
    company.setAttributes(attributes);
  }

  /**
   * What replacing a company's apps did: the problems that stopped it (nothing changed), or the
   * list now stored and how many sessions the change ended.
   */
  public record Replaced(List<String> problems, List<String> apps, int sessionsEnded) {}

  /**
   * Replaces a company's apps with {@code entries} ({@code clientId[:role]} each, as the admin API
   * and the vendor view take them), refusing the whole list when an entry is wrong, and ends the
   * sessions the change refuses of every app it touched.
   */
  public static Replaced replaceGrants(
      KeycloakSession session, RealmModel realm, OrganizationModel company, List<String> entries) {
    List<String> problems = problems(session, realm, entries);
    if (!problems.isEmpty()) {
      return new Replaced(problems, List.of(), 0);
    }
    Set<String> touched = new LinkedHashSet<>();
    grants(company).forEach(grant -> touched.add(grant.clientId()));
    List<Grant> wanted = entries.stream().map(Grant::parse).toList();
    setGrants(company, wanted);
    wanted.forEach(grant -> touched.add(grant.clientId()));
    int ended =
        touched.stream()
            .map(realm::getClientByClientId)
            .filter(client -> client != null)
            .mapToInt(client -> endRefusedSessions(session, realm, client))
            .sum();
    return new Replaced(List.of(), grants(company).stream().map(Grant::value).toList(), ended);
  }

  private static void put(Map<String, List<String>> attributes, String name, List<String> values) {
    if (values.isEmpty()) {
      attributes.remove(name);
    } else {
      attributes.put(name, new ArrayList<>(values));
    }
  }

  private static List<String> values(OrganizationModel company, String attribute) {
    return valueStream(company, attribute).toList();
  }

  private static Stream<String> valueStream(OrganizationModel company, String attribute) {
    return company.getAttributes().getOrDefault(attribute, List.of()).stream()
        .flatMap(value -> SettingLists.names(value).stream());
  }

  /** Whether the company lists the app; stops at the first match. */
  private static boolean lists(OrganizationModel company, String clientId) {
    return valueStream(company, COMPANY_ATTRIBUTE)
        .anyMatch(value -> Grant.parse(value).clientId().equals(clientId));
  }

  /** The role the company requires for the app, whether or not it lists the app. */
  private static Optional<String> requiredRole(OrganizationModel company, String clientId) {
    return valueStream(company, ROLES_ATTRIBUTE)
        .map(Grant::parse)
        .filter(grant -> grant.clientId().equals(clientId))
        .findFirst()
        .flatMap(Grant::requiredRole);
  }

  /**
   * Whether {@code user} may use {@code client}.
   *
   * @param brokerAlias the identity provider the person signed in with for this login, if any
   */
  public static Verdict decide(
      KeycloakSession session,
      RealmModel realm,
      ClientModel client,
      UserModel user,
      Optional<String> brokerAlias) {
    return decide(session, realm, client, user, brokerAlias, Optional.empty());
  }

  /**
   * The same, for a login that itself made the person a member of the company {@code joined} (its
   * id): that membership is not asked of the database again.
   */
  public static Verdict decide(
      KeycloakSession session,
      RealmModel realm,
      ClientModel client,
      UserModel user,
      Optional<String> brokerAlias,
      Optional<String> joined) {
    if (!realm.isOrganizationsEnabled()) {
      return Verdict.ADMITTED;
    }
    Mode mode = Mode.of(client);
    List<OrganizationModel> companies =
        companiesOf(session, realm, user, brokerAlias, joined).toList();
    Verdict first = Verdict.ADMITTED;
    for (OrganizationModel company : companies) {
      Verdict verdict = decide(session, realm, mode, client, company, user);
      if (verdict.admitted()) {
        return verdict;
      }
      if (first.admitted()) {
        first = verdict;
      }
    }
    return first;
  }

  private static Verdict decide(
      KeycloakSession session,
      RealmModel realm,
      Mode mode,
      ClientModel client,
      OrganizationModel company,
      UserModel user) {
    if (mode == Mode.NONE) {
      return new Verdict(company, Optional.of(Refusal.COMPANY_NOT_ADMITTED));
    }
    String clientId = client.getClientId();
    if (mode == Mode.LISTED && !lists(company, clientId)) {
      return new Verdict(company, Optional.of(Refusal.COMPANY_NOT_ADMITTED));
    }
    // As in grants(): a required role counts for an app the company lists. Asked in this order
    // because most apps have no required role, and a company's list of apps can be long.
    Optional<String> required =
        requiredRole(company, clientId)
            .filter(role -> mode == Mode.LISTED || lists(company, clientId));
    if (required.isPresent() && !holds(realm, user, company, required.get())) {
      return new Verdict(company, Optional.of(Refusal.ROLE_REQUIRED));
    }
    return Verdict.ADMITTED;
  }

  /**
   * The role realm-wide or in the company judged. A role the app requires that does not exist is
   * held by nobody: the app stays closed.
   */
  private static boolean holds(
      RealmModel realm, UserModel user, OrganizationModel company, String roleName) {
    RoleModel role = KeycloakModelUtils.getRoleFromString(realm, roleName);
    return role != null && CompanyRoles.holds(realm, user, company, role);
  }

  private static Stream<OrganizationModel> companiesOf(
      KeycloakSession session,
      RealmModel realm,
      UserModel user,
      Optional<String> brokerAlias,
      Optional<String> joined) {
    Optional<OrganizationModel> signedInThrough =
        brokerAlias
            .map(alias -> session.identityProviders().getByAlias(alias))
            .flatMap(idp -> Companies.ofIdentityProvider(session, realm, idp))
            .filter(
                company ->
                    joined.filter(company.getId()::equals).isPresent() || company.isMember(user));
    if (signedInThrough.isPresent()) {
      return signedInThrough.stream();
    }
    return session.getProvider(OrganizationProvider.class).getByMember(user);
  }
}
