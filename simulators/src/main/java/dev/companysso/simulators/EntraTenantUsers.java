package dev.companysso.simulators;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The users of one Entra tenant as they are now: the data file's, changed by an admin while the
 * simulator runs. Every change bumps the tenant's version and stamps the user with it, which is
 * what Graph's delta query pages through.
 */
final class EntraTenantUsers {

  private static final String GENERATED_PASSWORD = "Passw0rd!";

  private final EntraTenant tenant;
  private final UserStore<EntraTenant.User> store;
  private final Set<String> dataFileUsers;
  private int generated;

  EntraTenantUsers(EntraTenant tenant) {
    this.tenant = tenant;
    this.store =
        new UserStore<>(
            EntraTenant.User::objectId,
            EntraTenant.User::userPrincipalName,
            EntraTenant.User::groups,
            tenant.users(),
            0,
            version -> version + 1);
    this.dataFileUsers =
        tenant.users().stream()
            .map(user -> user.userPrincipalName().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
  }

  EntraTenant tenant() {
    return tenant;
  }

  UserStore<EntraTenant.User> store() {
    return store;
  }

  Optional<EntraTenant.User> user(String objectId) {
    return store.byId(objectId).map(UserStore.Entry::user);
  }

  /** The sign-in form's view of a user. */
  Optional<Account> account(String userPrincipalName) {
    return store
        .byUsername(userPrincipalName)
        .map(
            user ->
                new Account(
                    user.objectId(),
                    user.userPrincipalName(),
                    user.password(),
                    user.accountEnabled(),
                    !dataFileUsers.contains(user.userPrincipalName().toLowerCase(Locale.ROOT))));
  }

  void setAccountEnabled(String userPrincipalName, boolean enabled) {
    update(userPrincipalName, user -> user.withAccountEnabled(enabled));
  }

  void updateProfile(String userPrincipalName, Map<String, String> changes) {
    update(userPrincipalName, user -> user.withProfile(changes));
  }

  void changeMail(String userPrincipalName, String mail) {
    updateProfile(userPrincipalName, Collections.singletonMap("mail", mail));
  }

  void assignGroups(String userPrincipalName, List<String> groups) {
    requireGroups(groups);
    update(userPrincipalName, user -> user.withGroups(groups));
  }

  void assignAppRoles(String userPrincipalName, List<String> roles) {
    update(userPrincipalName, user -> user.withAppRoles(roles));
  }

  void remove(String userPrincipalName) {
    if (!store.remove(userPrincipalName)) {
      throw noSuchUser(userPrincipalName);
    }
  }

  void add(EntraTenant.User user) {
    requireGroups(user.groups());
    if (!store.add(List.of(user))) {
      throw new IllegalArgumentException(
          "The object id or UPN of "
              + user.userPrincipalName()
              + " is taken in Entra tenant "
              + tenant.name());
    }
  }

  /**
   * Adds {@code count} enabled users without groups, numbered on from earlier calls: UPNs {@code
   * gen0000001@{first verified domain}}, object ids derived from the tenant and number. Each is a
   * change of its own, as if hired one by one.
   */
  synchronized void generate(int count) {
    String domain =
        tenant.verifiedDomains().stream()
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Entra tenant " + tenant.name() + " has no verified domain"));
    for (int i = 0; i < count; i++) {
      int n = ++generated;
      String upn = String.format("gen%07d@%s", n, domain);
      add(
          new EntraTenant.User(
              UUID.nameUUIDFromBytes(
                      (tenant.tenantId() + "/generated-user/" + n).getBytes(StandardCharsets.UTF_8))
                  .toString(),
              upn,
              GENERATED_PASSWORD,
              "Generated",
              String.format("User%07d", n),
              upn,
              true,
              true,
              List.of(),
              0,
              List.of(),
              null,
              null,
              null));
    }
  }

  private void requireGroups(List<String> groups) {
    for (String name : groups) {
      if (tenant.groups().stream().noneMatch(group -> group.displayName().equals(name))) {
        throw new IllegalArgumentException(
            "No group " + name + " in Entra tenant " + tenant.name());
      }
    }
  }

  private void update(String userPrincipalName, UnaryOperator<EntraTenant.User> change) {
    if (store.update(userPrincipalName, change).isEmpty()) {
      throw noSuchUser(userPrincipalName);
    }
  }

  private IllegalArgumentException noSuchUser(String userPrincipalName) {
    return new IllegalArgumentException(
        "No user " + userPrincipalName + " in Entra tenant " + tenant.name());
  }
}
