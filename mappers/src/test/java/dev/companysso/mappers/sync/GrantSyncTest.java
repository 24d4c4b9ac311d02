package dev.companysso.mappers.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;

class GrantSyncTest {

  private static final String MAPPER = "m1";
  private static final String LEDGER = "ledger." + MAPPER;

  /** Roles by name; a user holds the names in {@code held}. */
  private final Set<String> existing = new LinkedHashSet<>(Set.of("dev", "ops", "Worker", "admin"));

  private final Set<String> held = new LinkedHashSet<>();
  private final Map<String, List<String>> attributes = new HashMap<>();
  private final UserModel user = fakeUser();

  private final Set<String> mappers = new LinkedHashSet<>(Set.of(MAPPER, "m2"));

  private final TargetKind<String> roles =
      new TargetKind<>() {
        @Override
        public String ledgerPrefix() {
          return "ledger.";
        }

        @Override
        public String describe(String name) {
          return name;
        }

        @Override
        public String find(String name) {
          return existing.contains(name) ? name : null;
        }

        @Override
        public boolean holds(UserModel u, String target) {
          return held.contains(target);
        }

        @Override
        public void give(UserModel u, String target) {
          held.add(target);
        }

        @Override
        public void take(UserModel u, String target) {
          held.remove(target);
        }
      };

  private final GrantSync<String> sync = new GrantSync<>(roles, mappers::contains);

  private GrantSync.Outcome login(String... granted) {
    return sync.apply(user, MAPPER, List.of(granted), Set.of("Worker"), true);
  }

  @Test
  @DisplayName("Grants what matches and records it; a later login without the group removes it")
  void grantsAndRemoves() {
    assertThat(login("dev", "ops").given()).containsExactly("dev", "ops");
    assertThat(attributes.get(LEDGER)).containsExactly("dev", "ops");

    assertThat(login("dev").taken()).containsExactly("ops");
    assertThat(held).containsExactly("dev");
    assertThat(attributes.get(LEDGER)).containsExactly("dev");

    login();
    assertThat(held).isEmpty();
    assertThat(attributes).doesNotContainKey(LEDGER);
  }

  @Test
  @DisplayName("A role the user already held is not the mapper's: it is never removed")
  void neverRemovesWhatItDidNotGrant() {
    held.add("admin");
    login("admin", "dev");
    assertThat(attributes.get(LEDGER)).containsExactly("dev");

    login();
    assertThat(held).containsExactly("admin");
  }

  @Test
  @DisplayName("The baseline role is never removed, even when the mapper granted it")
  void keepsBaseline() {
    login("Worker");
    assertThat(held).containsExactly("Worker");

    GrantSync.Outcome outcome = login();
    assertThat(outcome.taken()).isEmpty();
    assertThat(held).containsExactly("Worker");
    assertThat(attributes).doesNotContainKey(LEDGER);
  }

  @Test
  @DisplayName("A target that does not exist is reported, and the others still apply")
  void reportsMissing() {
    GrantSync.Outcome outcome = login("ghost", "dev");
    assertThat(outcome.missing()).containsExactly("ghost");
    assertThat(held).containsExactly("dev");
  }

  @Test
  @DisplayName("When the group list is incomplete (Entra overage), nothing is removed")
  void incompleteClaimRemovesNothing() {
    login("dev", "ops");
    GrantSync.Outcome outcome = sync.apply(user, MAPPER, List.of("dev"), Set.of(), false);
    assertThat(outcome.taken()).isEmpty();
    assertThat(held).containsExactly("dev", "ops");
    assertThat(attributes.get(LEDGER)).containsExactly("dev", "ops");
  }

  @Test
  @DisplayName("A role deleted since it was granted drops out of the record")
  void deletedTargetLeavesLedger() {
    login("dev", "ops");
    existing.remove("ops");
    login("dev");
    assertThat(attributes.get(LEDGER)).containsExactly("dev");
  }

  @Test
  @DisplayName(
      "Two tables granting one role: it stays while either grants it, whichever runs first")
  void coOwnedRoleStaysWhileEitherGrantsIt() {
    for (boolean appRolesFirst : new boolean[] {true, false}) {
      held.clear();
      attributes.clear();
      // Login 1: only the app-role table (m1) grants dev.
      sync.apply(user, MAPPER, List.of("dev"), Set.of(), true);
      sync.apply(user, "m2", List.of(), Set.of(), true);
      // Login 2: only the group table (m2) grants it.
      if (appRolesFirst) {
        sync.apply(user, MAPPER, List.of(), Set.of(), true);
        sync.apply(user, "m2", List.of("dev"), Set.of(), true);
      } else {
        sync.apply(user, "m2", List.of("dev"), Set.of(), true);
        sync.apply(user, MAPPER, List.of(), Set.of(), true);
      }
      assertThat(held).as("app-role table first: %s", appRolesFirst).containsExactly("dev");
      // Login 3: neither grants it.
      sync.apply(user, MAPPER, List.of(), Set.of(), true);
      sync.apply(user, "m2", List.of(), Set.of(), true);
      assertThat(held).as("app-role table first: %s", appRolesFirst).isEmpty();
    }
  }

  @Test
  @DisplayName("The record of a deleted mapper co-owns nothing")
  void deletedMapperOwnsNothing() {
    sync.apply(user, "m2", List.of("dev"), Set.of(), true);
    sync.apply(user, MAPPER, List.of("dev"), Set.of(), true);
    mappers.remove("m2");

    sync.apply(user, MAPPER, List.of(), Set.of(), true);
    assertThat(held).isEmpty();
  }

  private UserModel fakeUser() {
    return (UserModel)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {UserModel.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getAttributeStream" -> {
                    List<String> values = attributes.get((String) args[0]);
                    yield values == null ? Stream.empty() : values.stream();
                  }
                  case "setAttribute" -> {
                    @SuppressWarnings("unchecked")
                    List<String> values = (List<String>) args[1];
                    attributes.put((String) args[0], List.copyOf(values));
                    yield null;
                  }
                  case "removeAttribute" -> {
                    attributes.remove((String) args[0]);
                    yield null;
                  }
                  case "getAttributes" -> Map.copyOf(attributes);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
