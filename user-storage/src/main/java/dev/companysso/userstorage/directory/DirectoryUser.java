package dev.companysso.userstorage.directory;

import java.util.List;
import java.util.Map;

/**
 * One person as the directory lists them.
 *
 * @param id the vendor's immutable id (Okta user id, Entra object id): the federated identity link
 *     the company's SSO login presents
 * @param username the sign-in name (Okta login, Entra user principal name)
 * @param status the vendor's word for the account state (Okta status; Entra "enabled"/"disabled";
 *     "removed" when the change feed says the user is gone)
 * @param profile Keycloak field or attribute name → value, after the field mappings
 * @param groups the user's group names (Okta) or object ids (Entra); null when not read
 */
public record DirectoryUser(
    String id, String username, String status, Map<String, String> profile, List<String> groups) {

  public static final String REMOVED = "removed";

  public DirectoryUser withGroups(List<String> newGroups) {
    return new DirectoryUser(id, username, status, profile, newGroups);
  }
}
