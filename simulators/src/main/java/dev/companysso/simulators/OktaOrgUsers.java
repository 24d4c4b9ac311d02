package dev.companysso.simulators;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The users of one Okta org as they are now: the data file's, changed by an admin while the
 * simulator runs. Each change sets the user's lastUpdated to now, one millisecond later than the
 * previous change at the latest, so a client that asks for {@code lastUpdated gt} the last value it
 * saw misses nothing.
 */
final class OktaOrgUsers {

  /** The data file's users were last updated this long before the simulator started. */
  private static final Duration DATA_FILE_AGE = Duration.ofDays(1);

  private static final String GENERATED_PASSWORD = "Passw0rd!";

  private final OktaOrg org;
  private final UserStore<StoredOktaUser> store;
  private final Set<String> dataFileLogins;
  private final Clock clock;
  private int generated;
  private volatile int apiPageSize;

  OktaOrgUsers(OktaOrg org, Clock clock) {
    this.org = org;
    this.apiPageSize = org.apiPageSize();
    this.clock = clock;
    long loaded =
        clock.instant().minus(DATA_FILE_AGE).truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
    this.store =
        new UserStore<>(
            stored -> stored.user().id(),
            stored -> stored.user().login(),
            stored -> stored.user().groups(),
            org.users().stream().map(user -> StoredOktaUser.created(user, loaded)).toList(),
            loaded,
            last -> Math.max(clock.millis(), last + 1));
    this.dataFileLogins =
        org.users().stream()
            .map(user -> user.login().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
  }

  OktaOrg org() {
    return org;
  }

  /** The largest page the management API answers: the data file's, or as a benchmark set it. */
  int apiPageSize() {
    return apiPageSize;
  }

  void apiPageSize(int size) {
    apiPageSize = size;
  }

  UserStore<StoredOktaUser> store() {
    return store;
  }

  Optional<OktaOrg.User> user(String id) {
    return store.byId(id).map(UserStore.Entry::user).map(StoredOktaUser::user);
  }

  /** The sign-in form's view of a user. */
  Optional<Account> account(String login) {
    return store
        .byUsername(login)
        .map(StoredOktaUser::user)
        .map(
            user ->
                new Account(
                    user.id(),
                    user.login(),
                    user.password(),
                    user.canSignIn(),
                    !dataFileLogins.contains(user.login().toLowerCase(Locale.ROOT))));
  }

  void setStatus(String login, String status) {
    if (!OktaOrg.User.STATUSES.contains(status)) {
      throw new IllegalArgumentException("Unknown Okta user status " + status);
    }
    update(login, stored -> stored.withStatus(status, clock.millis()));
  }

  void updateProfile(String login, Map<String, String> changes) {
    if (changes.containsKey("login")) {
      throw new IllegalArgumentException("The simulator keeps logins; remove and add the user");
    }
    update(login, stored -> stored.withUser(stored.user().withProfile(changes)));
  }

  void assignGroups(String login, List<String> groupNames) {
    for (String name : groupNames) {
      if (org.groupNamed(name).isEmpty()) {
        throw new IllegalArgumentException("No group " + name + " in Okta org " + org.name());
      }
    }
    update(login, stored -> stored.withUser(stored.user().withGroups(groupNames)));
  }

  void remove(String login) {
    if (!store.remove(login)) {
      throw noSuchUser(login);
    }
  }

  void add(OktaOrg.User user) {
    add(List.of(user));
  }

  /**
   * Adds {@code count} ACTIVE users in {@code groups}, numbered on from earlier calls: ids {@code
   * 00ugen0000000001}, logins {@code gen0000001@{org}.example}. One change, so they share a
   * lastUpdated.
   */
  synchronized void generate(int count, List<String> groups) {
    int first = generated + 1;
    generated += count;
    add(
        IntStream.range(first, first + count)
            .mapToObj(
                n -> {
                  String login = String.format("gen%07d@%s.example", n, org.name());
                  return new OktaOrg.User(
                      String.format("00ugen%010d", n),
                      login,
                      GENERATED_PASSWORD,
                      "Generated",
                      String.format("User%07d", n),
                      login,
                      true,
                      "ACTIVE",
                      groups,
                      Map.of());
                })
            .toList());
  }

  private void add(List<OktaOrg.User> users) {
    for (OktaOrg.User user : users) {
      for (String group : user.groups()) {
        if (org.groupNamed(group).isEmpty()) {
          throw new IllegalArgumentException("No group " + group + " in Okta org " + org.name());
        }
      }
    }
    long now = clock.millis();
    if (!store.add(users.stream().map(user -> StoredOktaUser.created(user, now)).toList())) {
      throw new IllegalArgumentException("A user's id or login is taken in Okta org " + org.name());
    }
  }

  private void update(String login, UnaryOperator<StoredOktaUser> change) {
    if (store.update(login, change).isEmpty()) {
      throw noSuchUser(login);
    }
  }

  private IllegalArgumentException noSuchUser(String login) {
    return new IllegalArgumentException("No user " + login + " in Okta org " + org.name());
  }
}
