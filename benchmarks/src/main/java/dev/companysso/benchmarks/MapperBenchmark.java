package dev.companysso.benchmarks;

import dev.companysso.mappers.RuleTableMapper;
import dev.companysso.mappers.grouprole.GroupRoleMapper;
import dev.companysso.mappers.rules.RuleTableConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.oidc.mappers.AdvancedClaimToRoleMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderMapperSyncMode;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.UserModel;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.util.JsonSerialization;

/**
 * CPU per login that group-to-role mapping adds: one {@code company-group-role-mapper} with a table
 * of 200 rules, next to the equivalent set of 200 built-in "Advanced Claim to Role" mappers, with
 * 1,000 groups in the claim. Both run their real code against the same in-memory realm and user
 * ({@link InMemoryModels}); the thread's CPU time is read around each login's mapper calls, rounds
 * interleaved.
 *
 * <p>The table: 160 exact rules (Okta group names), 30 globs ({@code site-07-*}) and 10 regexes
 * ({@code ^team-03$}); the built-in set uses exact values and, for the globs and regexes, its
 * "Regex Claim Values" option. The claim matches 80 exact rules, 25 globs and 5 regexes.
 *
 * <p>System properties: {@code benchmark.rounds} (default 3000), {@code benchmark.report}.
 */
public final class MapperBenchmark {

  private static final String TITLE = "Group-to-role mapping";
  private static final int GROUPS = 1_000;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private MapperBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("benchmark.rounds", 3000);
    int warmup = rounds / 2;
    Path report = Path.of(System.getProperty("benchmark.report", "docs/benchmarks.md"));

    Scenario scenario = Scenario.build();
    InMemoryModels models = new InMemoryModels(scenario.roles());
    IdentityProviderModel idp = new IdentityProviderModel();
    idp.setAlias("acme-okta");
    idp.setEnabled(true);
    idp.setSyncMode(IdentityProviderSyncMode.FORCE);

    Kind table =
        new Kind(
            "company-group-role-mapper, 1 table of 200 rules",
            List.of(scenario.table()),
            new GroupRoleMapper());
    Kind builtIn =
        new Kind(
            "built-in Advanced Claim to Role, 200 mappers",
            scenario.builtIns(),
            new AdvancedClaimToRoleMapper());
    List<Kind> kinds = List.of(builtIn, table);

    Map<Kind, UserModel> returning = new HashMap<>();
    for (Kind kind : kinds) {
      UserModel user = models.newUser();
      kind.firstLogin(models, user, scenario.context(idp));
      returning.put(kind, user);
    }
    for (int round = 0; round < warmup + rounds; round++) {
      boolean measured = round >= warmup;
      for (Kind kind : kinds) {
        UserModel fresh = models.newUser();
        BrokeredIdentityContext first = scenario.context(idp);
        long start = THREADS.getCurrentThreadCpuTime();
        kind.firstLogin(models, fresh, first);
        long firstCpu = THREADS.getCurrentThreadCpuTime() - start;

        BrokeredIdentityContext again = scenario.context(idp);
        start = THREADS.getCurrentThreadCpuTime();
        kind.returningLogin(models, returning.get(kind), again);
        long returningCpu = THREADS.getCurrentThreadCpuTime() - start;
        if (measured) {
          kind.first.add(firstCpu);
          kind.returning.add(returningCpu);
        }
        if (round == 0) {
          kind.rolesGranted = InMemoryModels.roleCount(fresh);
        }
      }
    }

    String body = report(kinds, rounds);
    System.out.println(body);
    BenchmarkReport.replaceSection(report, TITLE, body);
  }

  private static String report(List<Kind> kinds, int rounds) {
    Kind builtIn = kinds.get(0);
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "Measured %s on this project's 2-core machine, Keycloak %s model and broker classes,"
                + " Java %s: %d groups in the claim, %d logins per cell after %d warm-up rounds,"
                + " CPU time of the login's mapper calls (ThreadMXBean).%n%n",
            LocalDate.now(),
            org.keycloak.common.Version.VERSION,
            System.getProperty("java.version"),
            GROUPS,
            rounds,
            rounds / 2));
    table.append("Command: `mvn -B -pl benchmarks -am -DskipTests -Pmapper-benchmark package`\n\n");
    table.append("| mapping | roles granted | login | p50 ms | p95 ms | p50 / built-in p50 |\n");
    table.append("|---|---:|---|---:|---:|---:|\n");
    for (String login : List.of("first", "returning")) {
      for (Kind kind : kinds) {
        Latencies mine = login.equals("first") ? kind.first : kind.returning;
        Latencies theirs = login.equals("first") ? builtIn.first : builtIn.returning;
        table.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %s | %.3f | %.3f | %.2f |%n",
                kind.name,
                kind.rolesGranted,
                login,
                mine.percentileMillis(50),
                mine.percentileMillis(95),
                mine.percentileMillis(50) / theirs.percentileMillis(50)));
      }
    }
    return table.toString();
  }

  /** One way of mapping: its mapper models, run in order as Keycloak runs an IdP's mappers. */
  private static final class Kind {
    final String name;
    final List<IdentityProviderMapperModel> models;
    final IdentityProviderMapper mapper;
    final Latencies first = new Latencies();
    final Latencies returning = new Latencies();
    int rolesGranted;

    Kind(String name, List<IdentityProviderMapperModel> models, IdentityProviderMapper mapper) {
      this.name = name;
      this.models = models;
      this.mapper = mapper;
    }

    void firstLogin(InMemoryModels in, UserModel user, BrokeredIdentityContext context) {
      for (IdentityProviderMapperModel model : models) {
        mapper.importNewUser(in.session, in.realm, user, model, context);
      }
    }

    void returningLogin(InMemoryModels in, UserModel user, BrokeredIdentityContext context) {
      for (IdentityProviderMapperModel model : models) {
        mapper.updateBrokeredUser(in.session, in.realm, user, model, context);
      }
    }
  }

  /** The claim, the rules and the roles, the same for both kinds. */
  private record Scenario(List<String> groups, List<String[]> rules, List<String> roles) {

    static Scenario build() {
      List<String> groups = new ArrayList<>();
      for (int i = 0; groups.size() < GROUPS - 50; i++) {
        groups.add(String.format(Locale.ROOT, "grp-%04d", i));
      }
      for (int i = 0; i < 25; i++) {
        groups.add(String.format(Locale.ROOT, "site-%02d-city", i));
        groups.add(String.format(Locale.ROOT, "team-%02d", i));
      }
      List<String[]> rules = new ArrayList<>();
      List<String> roles = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String role = "role-" + i;
        roles.add(role);
        if (i < 160) {
          // Every other exact rule names a group the user is in (grp-0000, grp-0010, ...).
          int group = i % 2 == 0 ? i * 5 : 5000 + i;
          rules.add(new String[] {"exact", String.format(Locale.ROOT, "grp-%04d", group), role});
        } else if (i < 190) {
          rules.add(new String[] {"glob", String.format(Locale.ROOT, "site-%02d-", i - 160), role});
        } else {
          rules.add(
              new String[] {"regex", String.format(Locale.ROOT, "team-%02d", (i - 190) * 5), role});
        }
      }
      return new Scenario(groups, rules, roles);
    }

    IdentityProviderMapperModel table() throws Exception {
      List<Map<String, String>> rows = new ArrayList<>();
      for (String[] rule : rules) {
        String key =
            switch (rule[0]) {
              case "exact" -> rule[1];
              case "glob" -> "glob:" + rule[1] + "*";
              default -> "regex:^" + rule[1] + "$";
            };
        rows.add(Map.of("key", key, "value", rule[2]));
      }
      IdentityProviderMapperModel model = model("table", GroupRoleMapper.PROVIDER_ID);
      model.getConfig().put(RuleTableMapper.CLAIM, "groups");
      model.getConfig().put(RuleTableConfig.RULES, JsonSerialization.writeValueAsString(rows));
      return model;
    }

    List<IdentityProviderMapperModel> builtIns() throws Exception {
      List<IdentityProviderMapperModel> models = new ArrayList<>();
      for (String[] rule : rules) {
        IdentityProviderMapperModel model = model(rule[2], AdvancedClaimToRoleMapper.PROVIDER_ID);
        String value = rule[0].equals("glob") ? rule[1] + ".*" : rule[1];
        model
            .getConfig()
            .put(
                AdvancedClaimToRoleMapper.CLAIM_PROPERTY_NAME,
                JsonSerialization.writeValueAsString(
                    List.of(Map.of("key", "groups", "value", value))));
        model
            .getConfig()
            .put(
                AdvancedClaimToRoleMapper.ARE_CLAIM_VALUES_REGEX_PROPERTY_NAME,
                Boolean.toString(!rule[0].equals("exact")));
        model.getConfig().put("role", rule[2]);
        models.add(model);
      }
      return models;
    }

    /** A fresh login's context: the validated ID token with the groups claim. */
    BrokeredIdentityContext context(IdentityProviderModel idp) {
      JsonWebToken idToken = new JsonWebToken();
      idToken.setOtherClaims("groups", groups);
      BrokeredIdentityContext context = new BrokeredIdentityContext("benchmark-user", idp);
      context.getContextData().put(OIDCIdentityProvider.VALIDATED_ID_TOKEN, idToken);
      return context;
    }

    private static IdentityProviderMapperModel model(String name, String type) {
      IdentityProviderMapperModel model = new IdentityProviderMapperModel();
      model.setId(name);
      model.setName(name);
      model.setIdentityProviderAlias("acme-okta");
      model.setIdentityProviderMapper(type);
      model.setConfig(new HashMap<>());
      model.getConfig().put("syncMode", IdentityProviderMapperSyncMode.INHERIT.name());
      return model;
    }
  }
}
