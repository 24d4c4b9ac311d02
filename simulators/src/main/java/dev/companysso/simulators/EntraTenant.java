package dev.companysso.simulators;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
   * emailDomainOwnerVerified} feeds the {@code xms_edov} optional claim.
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
      List<String> appRoles) {

    public User {
      Objects.requireNonNull(objectId, "Entra user object id");
      Objects.requireNonNull(userPrincipalName, "Entra user principal name");
      Objects.requireNonNull(password, "password of " + userPrincipalName);
      accountEnabled = accountEnabled == null || accountEnabled;
      groups = copy(groups);
      appRoles = copy(appRoles);
    }

    public User withChanges(List<String> newGroups, List<String> newAppRoles, String newMail) {
      return new User(
          objectId,
          userPrincipalName,
          password,
          givenName,
          surname,
          newMail,
          emailDomainOwnerVerified,
          accountEnabled,
          newGroups,
          generatedGroups,
          newAppRoles);
    }

    public String displayName() {
      return Stream.of(givenName, surname)
          .filter(Objects::nonNull)
          .collect(Collectors.joining(" "));
    }
  }

  /**
   * An app registration with its enterprise application settings. Only users listed (by UPN) in
   * {@code assignedUsers} may sign in, as with "Assignment required? Yes". {@code
   * groupMembershipClaims} is the manifest value: "SecurityGroup" or "All" put group object ids in
   * tokens. {@code optionalClaims} lists id-token optional claims ("email", "xms_edov").
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
      Boolean adminConsentGranted) {

    public App {
      adminConsentGranted = adminConsentGranted == null || adminConsentGranted;
      Objects.requireNonNull(clientId, "Entra application (client) id");
      Objects.requireNonNull(clientSecret, "client secret of " + clientId);
      appName = appName == null ? clientId : appName;
      redirectUris = copy(redirectUris);
      optionalClaims = copy(optionalClaims);
      appRoles = copy(appRoles);
      assignedUsers = copy(assignedUsers);
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
