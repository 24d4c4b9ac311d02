package dev.companysso.core.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Something that happened to a company or its people, told to whoever listens (webhooks) in the
 * session and transaction of the change itself: a listener that writes it down commits or rolls
 * back with the change, so no event is told of what did not happen.
 *
 * @param type one of the constants here, e.g. {@link #USER_PROVISIONED}
 * @param data what a receiver needs to act, without secrets: the person, the source, the roles
 */
public record CompanyEvent(
    KeycloakSession session,
    RealmModel realm,
    OrganizationModel company,
    String type,
    Map<String, Object> data)
    implements ProviderEvent {

  /** A person created by first login, SCIM or directory sync. */
  public static final String USER_PROVISIONED = "user.provisioned";

  /** An existing account joined the company through its sign-in. */
  public static final String USER_LINKED = "user.linked";

  /** SCIM or directory sync disabled a person who left the company. */
  public static final String USER_DEPROVISIONED = "user.deprovisioned";

  /** A rule table granted or took roles. */
  public static final String ROLES_CHANGED = "user.roles_changed";

  /** A rule table put a person in or out of teams (groups). */
  public static final String TEAMS_CHANGED = "user.teams_changed";

  /** The company's identity provider failed its health check. */
  public static final String CONNECTION_UNHEALTHY = "connection.unhealthy";

  /** A directory sync run of the company failed or stopped at its safety cap. */
  public static final String SYNC_FAILED = "sync.failed";

  public static final List<String> TYPES =
      List.of(
          USER_PROVISIONED,
          USER_LINKED,
          USER_DEPROVISIONED,
          ROLES_CHANGED,
          TEAMS_CHANGED,
          CONNECTION_UNHEALTHY,
          SYNC_FAILED);

  /** Tells the listeners; {@code details} are added to the company and, when given, the user. */
  public static void raise(
      KeycloakSession session,
      RealmModel realm,
      OrganizationModel company,
      String type,
      UserModel user,
      Map<String, ?> details) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("company", company.getAlias());
    if (user != null) {
      Map<String, Object> person = new LinkedHashMap<>();
      person.put("id", user.getId());
      person.put("username", user.getUsername());
      if (user.getEmail() != null) {
        person.put("email", user.getEmail());
      }
      data.put("user", person);
    }
    data.putAll(details);
    session
        .getKeycloakSessionFactory()
        .publish(new CompanyEvent(session, realm, company, type, data));
  }
}
