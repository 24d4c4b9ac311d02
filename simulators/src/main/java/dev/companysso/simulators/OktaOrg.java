package dev.companysso.simulators;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One Okta org ({@code https://{name}.okta.com}): its custom authorization servers, groups, users
 * and OIDC app integrations. {@code apiToken} is a read-only admin API token (SSWS) the org's
 * management API accepts; {@code apiPageSize} caps its pages (Okta: 200), small to test paging.
 */
public record OktaOrg(
    String name,
    String orgId,
    List<String> authorizationServers,
    List<Group> groups,
    List<User> users,
    List<Client> clients,
    String apiToken,
    Integer apiPageSize) {

  public OktaOrg {
    Objects.requireNonNull(name, "Okta org name");
    Objects.requireNonNull(orgId, "Okta org id of " + name);
    authorizationServers = copy(authorizationServers);
    groups = copy(groups);
    users = copy(users);
    clients = copy(clients);
    apiPageSize = apiPageSize == null ? 200 : apiPageSize;
    for (User user : users) {
      for (String group : user.groups()) {
        if (groups.stream().noneMatch(g -> g.name().equals(group))) {
          throw new IllegalArgumentException(
              "User " + user.login() + " of Okta org " + name + " is in unknown group " + group);
        }
      }
    }
  }

  public Optional<User> userById(String id) {
    return users.stream().filter(user -> user.id().equals(id)).findFirst();
  }

  public Optional<Client> client(String clientId) {
    return clients.stream().filter(client -> client.clientId().equals(clientId)).findFirst();
  }

  public record Group(String id, String name) {
    public Group {
      Objects.requireNonNull(id, "Okta group id");
      Objects.requireNonNull(name, "Okta group name");
    }
  }

  /**
   * A user; {@code status} other than ACTIVE (e.g. DEPROVISIONED, SUSPENDED) cannot sign in. {@code
   * profileClaims} are profile attributes the org puts into tokens: standard ones ({@code
   * middle_name}, {@code nickname}) and custom claims an Okta admin adds ({@code department}).
   */
  public record User(
      String id,
      String login,
      String password,
      String firstName,
      String lastName,
      String email,
      boolean emailVerified,
      String status,
      List<String> groups,
      Map<String, String> profileClaims) {

    public User {
      Objects.requireNonNull(id, "Okta user id");
      Objects.requireNonNull(login, "Okta user login");
      Objects.requireNonNull(password, "password of " + login);
      status = status == null ? "ACTIVE" : status;
      groups = copy(groups);
      profileClaims = profileClaims == null ? Map.of() : Map.copyOf(profileClaims);
    }

    public User withGroups(List<String> newGroups) {
      return new User(
          id,
          login,
          password,
          firstName,
          lastName,
          email,
          emailVerified,
          status,
          newGroups,
          profileClaims);
    }

    public boolean isActive() {
      return "ACTIVE".equals(status);
    }

    public String displayName() {
      return Stream.of(firstName, lastName)
          .filter(Objects::nonNull)
          .collect(Collectors.joining(" "));
    }
  }

  /**
   * An OIDC app integration. Only the users listed (by login) in {@code assignedUsers} may use it,
   * like Okta's app assignments. {@code groupsClaimFilter} is the app's "Groups claim filter:
   * Matches regex"; without it tokens carry no {@code groups} claim.
   */
  public record Client(
      String clientId,
      String clientSecret,
      String appName,
      List<String> redirectUris,
      String groupsClaimFilter,
      List<String> assignedUsers) {

    public Client {
      Objects.requireNonNull(clientId, "Okta client id");
      Objects.requireNonNull(clientSecret, "client secret of " + clientId);
      appName = appName == null ? clientId : appName;
      redirectUris = copy(redirectUris);
      assignedUsers = copy(assignedUsers);
    }

    Optional<Pattern> groupsClaimPattern() {
      return Optional.ofNullable(groupsClaimFilter).map(Pattern::compile);
    }
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
