package dev.companysso.core;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.utils.RoleUtils;

/**
 * The roles and teams (Keycloak groups) the vendor lets companies grant from their own group
 * tables: realm attributes listing them. Never an administrative role, even when listed: a role of
 * realm-management, one that contains one, or one the realm protects.
 */
public final class AssignableTargets {

  /** Realm attribute: role names, comma-separated; a client role as {@code client-id.role}. */
  public static final String ROLES_ATTRIBUTE = "companySso.assignableRoles";

  /** Realm attribute: group paths, comma-separated; {@code /Teams/*} allows every group below. */
  public static final String TEAMS_ATTRIBUTE = "companySso.assignableTeams";

  private final RealmModel realm;

  public AssignableTargets(RealmModel realm) {
    this.realm = realm;
  }

  /** The listed roles that exist and are no admin role, as the tables name them. */
  public List<String> roles() {
    return SettingLists.names(realm.getAttribute(ROLES_ATTRIBUTE)).stream()
        .filter(name -> role(name).filter(role -> !administrative(role)).isPresent())
        .toList();
  }

  /** The listed team paths (and {@code /…/*} entries), as configured. */
  public List<String> teams() {
    return SettingLists.names(realm.getAttribute(TEAMS_ATTRIBUTE));
  }

  public boolean roleAssignable(String name) {
    return roles().contains(name);
  }

  /** A listed path, or a group below a listed {@code /…/*} entry. */
  public boolean teamAssignable(String path) {
    return teams().stream()
        .anyMatch(
            entry ->
                entry.endsWith("/*")
                    ? path.startsWith(entry.substring(0, entry.length() - 1))
                        && path.length() > entry.length() - 1
                    : entry.equals(path));
  }

  /** The role a table names: {@code name} in the realm, or {@code client-id.role}. */
  private Optional<RoleModel> role(String name) {
    RoleModel realmRole = realm.getRole(name);
    if (realmRole != null) {
      return Optional.of(realmRole);
    }
    int dot = name.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    ClientModel client = realm.getClientByClientId(name.substring(0, dot));
    return Optional.ofNullable(client == null ? null : client.getRole(name.substring(dot + 1)));
  }

  /** A role of realm-management, one containing one (however deep), or a protected role. */
  private boolean administrative(RoleModel role) {
    ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
    List<String> protectedNames =
        SettingLists.names(realm.getAttribute(CompanyOwnership.PROTECTED_ROLES_ATTRIBUTE)).stream()
            .map(n -> n.toLowerCase(Locale.ROOT))
            .toList();
    return Stream.concat(Stream.of(role), RoleUtils.expandCompositeRolesStream(Stream.of(role)))
        .anyMatch(
            r ->
                protectedNames.contains(r.getName().toLowerCase(Locale.ROOT))
                    || (management != null
                        && r.isClientRole()
                        && management.getId().equals(r.getContainerId())));
  }
}
