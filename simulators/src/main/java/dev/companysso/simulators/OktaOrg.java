package dev.companysso.simulators;

import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One Okta org ({@code https://{name}.okta.com}): its custom authorization servers, groups, users,
 * OIDC app integrations and API service apps. {@code apiToken} is a read-only admin API token
 * (SSWS) the org's management API accepts; {@code apiPageSize} caps its pages (Okta: 200), small to
 * test paging.
 */
public record OktaOrg(
    String name,
    String orgId,
    List<String> authorizationServers,
    List<Group> groups,
    List<User> users,
    List<Client> clients,
    String apiToken,
    Integer apiPageSize,
    List<ServiceApp> serviceApps) {

  /** Okta's largest page of users or groups. */
  static final int MAX_PAGE_SIZE = 200;

  public OktaOrg {
    Objects.requireNonNull(name, "Okta org name");
    Objects.requireNonNull(orgId, "Okta org id of " + name);
    authorizationServers = copy(authorizationServers);
    groups = copy(groups);
    users = copy(users);
    clients = copy(clients);
    apiPageSize = apiPageSize == null ? MAX_PAGE_SIZE : Math.min(apiPageSize, MAX_PAGE_SIZE);
    serviceApps = copy(serviceApps);
    for (User user : users) {
      for (String group : user.groups()) {
        if (groups.stream().noneMatch(g -> g.name().equals(group))) {
          throw new IllegalArgumentException(
              "User " + user.login() + " of Okta org " + name + " is in unknown group " + group);
        }
      }
    }
  }

  public Optional<Client> client(String clientId) {
    return clients.stream().filter(client -> client.clientId().equals(clientId)).findFirst();
  }

  public Optional<ServiceApp> serviceApp(String clientId) {
    return serviceApps.stream().filter(app -> app.clientId().equals(clientId)).findFirst();
  }

  public Optional<Group> groupById(String id) {
    return groups.stream().filter(group -> group.id().equals(id)).findFirst();
  }

  public Optional<Group> groupNamed(String name) {
    return groups.stream().filter(group -> group.name().equals(name)).findFirst();
  }

  public record Group(String id, String name) {
    public Group {
      Objects.requireNonNull(id, "Okta group id");
      Objects.requireNonNull(name, "Okta group name");
    }
  }

  /**
   * A user. {@code status} is Okta's: ACTIVE, PASSWORD_EXPIRED, LOCKED_OUT and RECOVERY may sign
   * in, STAGED, PROVISIONED, SUSPENDED and DEPROVISIONED may not. {@code profileClaims} are profile
   * attributes the org puts into tokens: standard ones ({@code middle_name}, {@code nickname}) and
   * custom claims an Okta admin adds ({@code department}).
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

    static final Set<String> STATUSES =
        Set.of(
            "ACTIVE",
            "PASSWORD_EXPIRED",
            "LOCKED_OUT",
            "RECOVERY",
            "SUSPENDED",
            "DEPROVISIONED",
            "STAGED",
            "PROVISIONED");
    private static final Set<String> SIGN_IN_STATUSES =
        Set.of("ACTIVE", "PASSWORD_EXPIRED", "LOCKED_OUT", "RECOVERY");
    // Okta profiles name these standard claims middleName / nickName.
    private static final Map<String, String> PROFILE_NAMES =
        Map.of("middle_name", "middleName", "nickname", "nickName");
    private static final Map<String, String> CLAIM_NAMES =
        Map.of("middleName", "middle_name", "nickName", "nickname");
    // Profile attributes that are record components rather than profileClaims.
    private static final Set<String> NAME_ATTRIBUTES = Set.of("firstName", "lastName", "email");

    public User {
      Objects.requireNonNull(id, "Okta user id");
      Objects.requireNonNull(login, "Okta user login");
      Objects.requireNonNull(password, "password of " + login);
      status = status == null ? "ACTIVE" : status;
      if (!STATUSES.contains(status)) {
        throw new IllegalArgumentException("Unknown Okta user status " + status + " of " + login);
      }
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

    public User withStatus(String newStatus) {
      return new User(
          id,
          login,
          password,
          firstName,
          lastName,
          email,
          emailVerified,
          newStatus,
          groups,
          profileClaims);
    }

    /**
     * The user with profile attributes changed as the management API names them: firstName,
     * lastName, email, middleName, nickName or any custom attribute; a null value clears one.
     */
    public User withProfile(Map<String, String> changes) {
      Map<String, String> claims = new HashMap<>(profileClaims);
      changes.forEach(
          (name, value) -> {
            if (!NAME_ATTRIBUTES.contains(name)) {
              claims.put(CLAIM_NAMES.getOrDefault(name, name), value);
            }
          });
      claims.values().removeIf(Objects::isNull);
      return new User(
          id,
          login,
          password,
          changed(changes, "firstName", firstName),
          changed(changes, "lastName", lastName),
          changed(changes, "email", email),
          emailVerified,
          status,
          groups,
          claims);
    }

    public boolean canSignIn() {
      return SIGN_IN_STATUSES.contains(status);
    }

    public String displayName() {
      return Stream.of(firstName, lastName)
          .filter(Objects::nonNull)
          .collect(Collectors.joining(" "));
    }

    /** The profile attribute name of a claim in {@code profileClaims}. */
    static String profileName(String claim) {
      return PROFILE_NAMES.getOrDefault(claim, claim);
    }

    private static String changed(Map<String, String> changes, String name, String current) {
      return changes.containsKey(name) ? changes.get(name) : current;
    }
  }

  /**
   * An OIDC app integration. Only the users listed (by login) in {@code assignedUsers}, and users
   * hired while the simulator runs, may use it, like Okta's app assignments. {@code
   * groupsClaimFilter} is the app's "Groups claim filter: Matches regex"; without it tokens carry
   * no {@code groups} claim.
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

  /**
   * An API service app: it gets access tokens by the client_credentials grant, authenticating with
   * a JWT signed by the private half of {@code publicJwk} (private_key_jwt), for the {@code scopes}
   * an admin granted it (e.g. okta.users.read).
   */
  public record ServiceApp(String clientId, Map<String, Object> publicJwk, List<String> scopes) {

    public ServiceApp {
      Objects.requireNonNull(clientId, "Okta service app client id");
      publicJwk = Map.copyOf(Objects.requireNonNull(publicJwk, "public JWK of " + clientId));
      scopes = copy(scopes);
      if (publicKey(publicJwk).isPrivate()) {
        throw new IllegalArgumentException("The JWK of " + clientId + " must be a public key");
      }
    }

    RSAKey publicKey() {
      return publicKey(publicJwk);
    }

    private static RSAKey publicKey(Map<String, Object> jwk) {
      try {
        return RSAKey.parse(jwk);
      } catch (ParseException e) {
        throw new IllegalArgumentException("Not an RSA JWK: " + e.getMessage(), e);
      }
    }
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
