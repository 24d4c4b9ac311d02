package dev.companysso.simulators;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** One Microsoft Entra ID tenant: its verified domains, groups, users and app registrations. */
public record EntraTenant(
    String name,
    String tenantId,
    List<String> verifiedDomains,
    List<Group> groups,
    List<User> users,
    List<App> apps) {

  public EntraTenant {
    Objects.requireNonNull(tenantId, "Entra tenant id");
    name = name == null ? tenantId : name;
    verifiedDomains = copy(verifiedDomains);
    groups = copy(groups);
    users = copy(users);
    apps = copy(apps);
    for (User user : users) {
      for (String group : user.groups()) {
        if (groups.stream().noneMatch(g -> g.displayName().equals(group))) {
          throw new IllegalArgumentException(
              "User "
                  + user.userPrincipalName()
                  + " of Entra tenant "
                  + name
                  + " is in unknown group "
                  + group);
        }
      }
    }
  }

  boolean isNamedBy(String tenantIdOrDomain) {
    return tenantId.equalsIgnoreCase(tenantIdOrDomain)
        || verifiedDomains.stream().anyMatch(domain -> domain.equalsIgnoreCase(tenantIdOrDomain));
  }

  public Optional<User> userByObjectId(String objectId) {
    return users.stream().filter(user -> user.objectId().equalsIgnoreCase(objectId)).findFirst();
  }

  public Optional<Group> group(String id) {
    return groups.stream().filter(group -> group.id().equalsIgnoreCase(id)).findFirst();
  }

  public Optional<App> app(String clientId) {
    return apps.stream().filter(app -> app.clientId().equalsIgnoreCase(clientId)).findFirst();
  }

  /**
   * The object ids of every group the user is a member of: the named groups, then the {@code
   * generatedGroups} stand-ins, whose ids derive from the tenant and user so they are the same on
   * every run.
   */
  public List<String> groupObjectIds(User user) {
    Stream<String> named =
        user.groups().stream()
            .map(
                name ->
                    groups.stream()
                        .filter(g -> g.displayName().equals(name))
                        .findFirst()
                        .orElseThrow())
            .map(Group::id);
    Stream<String> generated =
        IntStream.rangeClosed(1, user.generatedGroups())
            .mapToObj(i -> tenantId + "/" + user.objectId() + "/generated-group/" + i)
            .map(seed -> UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString());
    return Stream.concat(named, generated).collect(Collectors.toUnmodifiableList());
  }

  public record Group(String id, String displayName) {
    public Group {
      Objects.requireNonNull(id, "Entra group object id");
      Objects.requireNonNull(displayName, "Entra group display name");
    }
  }

  /**
   * A user. {@code groups} names groups of the tenant; {@code generatedGroups} adds that many more
   * memberships so a small data file can push a user past Entra's 200-group token limit. {@code
   * emailDomainOwnerVerified} feeds the {@code xms_edov} optional claim. A disabled account ({@code
   * accountEnabled} false) cannot sign in.
   */
  public record User(
      String objectId,
      String userPrincipalName,
      String password,
      String givenName,
      String surname,
      String mail,
      boolean emailDomainOwnerVerified,
      Boolean accountEnabled,
      List<String> groups,
      int generatedGroups,
      List<String> appRoles,
      String department,
      String jobTitle,
      String employeeId) {

    /** The profile properties {@link #withProfile} changes, by their Graph names. */
    static final Set<String> PROFILE_PROPERTIES =
        Set.of("givenName", "surname", "mail", "department", "jobTitle", "employeeId");

    public User {
      Objects.requireNonNull(objectId, "Entra user object id");
      Objects.requireNonNull(userPrincipalName, "Entra user principal name");
      Objects.requireNonNull(password, "password of " + userPrincipalName);
      accountEnabled = accountEnabled == null || accountEnabled;
      groups = copy(groups);
      appRoles = copy(appRoles);
    }

    public User withGroups(List<String> newGroups) {
      return new User(
          objectId,
          userPrincipalName,
          password,
          givenName,
          surname,
          mail,
          emailDomainOwnerVerified,
          accountEnabled,
          newGroups,
          generatedGroups,
          appRoles,
          department,
          jobTitle,
          employeeId);
    }

    public User withAppRoles(List<String> newAppRoles) {
      return new User(
          objectId,
          userPrincipalName,
          password,
          givenName,
          surname,
          mail,
          emailDomainOwnerVerified,
          accountEnabled,
          groups,
          generatedGroups,
          newAppRoles,
          department,
          jobTitle,
          employeeId);
    }

    public User withAccountEnabled(boolean enabled) {
      return new User(
          objectId,
          userPrincipalName,
          password,
          givenName,
          surname,
          mail,
          emailDomainOwnerVerified,
          enabled,
          groups,
          generatedGroups,
          appRoles,
          department,
          jobTitle,
          employeeId);
    }

    /**
     * The user with {@link #PROFILE_PROPERTIES} changed; a null value clears one.
     *
     * @throws IllegalArgumentException for another property
     */
    public User withProfile(Map<String, String> changes) {
      for (String property : changes.keySet()) {
        if (!PROFILE_PROPERTIES.contains(property)) {
          throw new IllegalArgumentException(
              "Cannot change " + property + "; one of " + PROFILE_PROPERTIES);
        }
      }
      Map<String, String> profile = new HashMap<>();
      profile.put("givenName", givenName);
      profile.put("surname", surname);
      profile.put("mail", mail);
      profile.put("department", department);
      profile.put("jobTitle", jobTitle);
      profile.put("employeeId", employeeId);
      profile.putAll(changes);
      return new User(
          objectId,
          userPrincipalName,
          password,
          profile.get("givenName"),
          profile.get("surname"),
          profile.get("mail"),
          emailDomainOwnerVerified,
          accountEnabled,
          groups,
          generatedGroups,
          appRoles,
          profile.get("department"),
          profile.get("jobTitle"),
          profile.get("employeeId"));
    }

    public String displayName() {
      return Stream.of(givenName, surname)
          .filter(Objects::nonNull)
          .collect(Collectors.joining(" "));
    }
  }

  /**
   * An app registration with its enterprise application settings. Only users listed (by UPN) in
   * {@code assignedUsers}, and users hired while the simulator runs, may sign in, as with
   * "Assignment required? Yes". {@code groupMembershipClaims} is the manifest value:
   * "SecurityGroup" or "All" put group object ids in tokens. {@code optionalClaims} lists id-token
   * optional claims ("email", "xms_edov"). {@code applicationPermissions} are the Microsoft Graph
   * application permissions an admin granted and consented to ("User.Read.All"): the {@code roles}
   * of the app's client-credentials tokens.
   */
  public record App(
      String clientId,
      String clientSecret,
      String appName,
      List<String> redirectUris,
      String groupMembershipClaims,
      List<String> optionalClaims,
      List<String> appRoles,
      List<String> assignedUsers,
      Boolean adminConsentGranted,
      List<String> applicationPermissions) {

    public App {
      adminConsentGranted = adminConsentGranted == null || adminConsentGranted;
      Objects.requireNonNull(clientId, "Entra application (client) id");
      Objects.requireNonNull(clientSecret, "client secret of " + clientId);
      appName = appName == null ? clientId : appName;
      redirectUris = copy(redirectUris);
      optionalClaims = copy(optionalClaims);
      appRoles = copy(appRoles);
      assignedUsers = copy(assignedUsers);
      applicationPermissions = copy(applicationPermissions);
    }

    boolean emitsGroupClaims() {
      return "SecurityGroup".equalsIgnoreCase(groupMembershipClaims)
          || "All".equalsIgnoreCase(groupMembershipClaims);
    }

    boolean hasOptionalClaim(String claim) {
      return optionalClaims.contains(claim);
    }
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
