package dev.companysso.benchmarks;

import dev.companysso.core.CompanyRoles;
import dev.companysso.core.access.AppAccess;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalRoleAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalRoleAuthenticatorFactory;
import org.keycloak.cache.AlternativeLookupProvider;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderStorageProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * CPU per login that the access policy's check adds ({@link AppAccess#decide}, what the required
 * action and the refresh executor run), in a realm of 10,000 companies that each list 100 apps,
 * next to Keycloak's built-in per-login role check ("Condition - user role", the usual way to let
 * only some people through a flow). Both run their real code against the same in-memory models; the
 * thread's CPU time is read around each check, rounds interleaved.
 *
 * <p>System properties: {@code benchmark.rounds} (default 20000), {@code benchmark.report}.
 */
public final class AccessPolicyBenchmark {

  private static final String TITLE = "Access policy check";
  private static final int COMPANIES = 10_000;
  private static final int APPS = 100;
  private static final String ROLE = "Engineer";
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private AccessPolicyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("benchmark.rounds", 20_000);
    Path report = Path.of(System.getProperty("benchmark.report", "docs/benchmarks.md"));
    Models models = new Models();

    List<Check> checks =
        List.of(
            new Check(
                "built-in Condition - user role (role held realm-wide)",
                models::builtInRoleCondition),
            new Check(
                "app open to every company (`all`), after the company's IdP",
                () -> models.decide(models.openApp, models.realmWideUser, true)),
            new Check(
                "app `listed`, company lists 100 apps, this one last with a required role held"
                    + " realm-wide, after the company's IdP",
                () -> models.decide(models.listedApp, models.realmWideUser, true)),
            new Check(
                "the same, role held in the company (roles per company)",
                () -> models.decide(models.listedApp, models.perCompanyUser, true)),
            new Check(
                "the same, password login (the person's companies looked up)",
                () -> models.decide(models.listedApp, models.perCompanyUser, false)));
    for (Check check : checks) {
      if (!check.run.getAsBoolean()) {
        throw new IllegalStateException("Not admitted: " + check.name);
      }
    }
    int warmup = rounds / 2;
    for (int round = 0; round < warmup + rounds; round++) {
      for (Check check : checks) {
        long start = THREADS.getCurrentThreadCpuTime();
        boolean admitted = check.run.getAsBoolean();
        long cpu = THREADS.getCurrentThreadCpuTime() - start;
        if (!admitted) {
          throw new IllegalStateException("Not admitted: " + check.name);
        }
        if (round >= warmup) {
          check.latencies.add(cpu);
        }
      }
    }
    String body = report(checks, rounds);
    System.out.println(body);
    BenchmarkReport.replaceSection(report, TITLE, body);
  }

  private static String report(List<Check> checks, int rounds) {
    Latencies builtIn = checks.get(0).latencies;
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "Measured %s on this project's 2-core machine, Keycloak %s model classes, Java %s:"
                + " %,d companies with %d apps each, %,d checks per row after %,d warm-up rounds,"
                + " CPU time of one check (ThreadMXBean).%n%n",
            LocalDate.now(),
            org.keycloak.common.Version.VERSION,
            System.getProperty("java.version"),
            COMPANIES,
            APPS,
            rounds,
            rounds / 2));
    table.append(
        "Command: `mvn -B -pl benchmarks -am -DskipTests -Paccess-policy-benchmark package`\n\n");
    table.append("| check | p50 ms | p95 ms | p50 / built-in p50 |\n");
    table.append("|---|---:|---:|---:|\n");
    for (Check check : checks) {
      table.append(
          String.format(
              Locale.ROOT,
              "| %s | %.4f | %.4f | %.2f |%n",
              check.name,
              check.latencies.percentileMillis(50),
              check.latencies.percentileMillis(95),
              check.latencies.percentileMillis(50) / builtIn.percentileMillis(50)));
    }
    return table.toString();
  }

  private static final class Check {
    final String name;
    final BooleanSupplier run;
    final Latencies latencies = new Latencies();

    Check(String name, BooleanSupplier run) {
      this.name = name;
      this.run = run;
    }
  }

  /**
   * A realm of {@link #COMPANIES} companies, each with its identity provider and {@link #APPS}
   * apps; the person works for the last one.
   */
  private static final class Models {
    final Map<String, OrganizationModel> companiesById = new HashMap<>();
    final Map<String, IdentityProviderModel> providers = new HashMap<>();
    final RoleModel role = role(ROLE);
    final RealmModel realm = realm(role);
    final ClientModel openApp = client("app-open", null);
    final ClientModel listedApp =
        client(String.format(Locale.ROOT, "app-%03d", APPS - 1), "listed");
    final OrganizationModel employer;
    final UserModel realmWideUser;
    final UserModel perCompanyUser;
    final KeycloakSession session;

    Models() {
      OrganizationModel last = null;
      for (int i = 0; i < COMPANIES; i++) {
        last = company(i);
        companiesById.put(last.getId(), last);
        IdentityProviderModel provider = new IdentityProviderModel();
        provider.setAlias(last.getAlias() + "-okta");
        provider.setOrganizationId(last.getId());
        providers.put(provider.getAlias(), provider);
      }
      employer = last;
      realmWideUser = user(Set.of(role), Map.of());
      perCompanyUser =
          user(Set.of(), Map.of(CompanyRoles.PREFIX + employer.getId(), List.of(ROLE)));
      session = session();
    }

    boolean decide(ClientModel client, UserModel user, boolean throughCompanyIdp) {
      return AppAccess.decide(
              session,
              realm,
              client,
              user,
              throughCompanyIdp ? Optional.of(employer.getAlias() + "-okta") : Optional.empty())
          .admitted();
    }

    boolean builtInRoleCondition() {
      AuthenticatorConfigModel config = new AuthenticatorConfigModel();
      config.setConfig(Map.of(ConditionalRoleAuthenticatorFactory.CONDITIONAL_USER_ROLE, ROLE));
      AuthenticationFlowContext context =
          InMemoryModels.stub(
              AuthenticationFlowContext.class,
              (method, args) ->
                  switch (method) {
                    case "getUser" -> realmWideUser;
                    case "getRealm" -> realm;
                    case "getSession" -> session;
                    case "getAuthenticatorConfig" -> config;
                    default -> InMemoryModels.unsupported(AuthenticationFlowContext.class, method);
                  });
      return ConditionalRoleAuthenticator.SINGLETON.matchCondition(context);
    }

    private OrganizationModel company(int index) {
      String id = "org-" + index;
      String alias = String.format(Locale.ROOT, "company-%05d", index);
      List<String> apps = new ArrayList<>();
      for (int app = 0; app < APPS; app++) {
        apps.add(String.format(Locale.ROOT, "app-%03d", app));
      }
      Map<String, List<String>> attributes =
          Map.of(
              AppAccess.COMPANY_ATTRIBUTE,
              List.copyOf(apps),
              AppAccess.ROLES_ATTRIBUTE,
              List.of(apps.get(APPS - 1) + ":" + ROLE));
      return InMemoryModels.stub(
          OrganizationModel.class,
          (method, args) ->
              switch (method) {
                case "getId" -> id;
                case "getAlias", "getName" -> alias;
                case "isEnabled" -> true;
                case "getAttributes" -> attributes;
                case "isMember" -> index == COMPANIES - 1;
                default -> InMemoryModels.unsupported(OrganizationModel.class, method);
              });
    }

    private KeycloakSession session() {
      IdentityProviderStorageProvider identityProviders =
          InMemoryModels.stub(
              IdentityProviderStorageProvider.class,
              (method, args) ->
                  switch (method) {
                    case "getByAlias" -> providers.get((String) args[0]);
                    default ->
                        InMemoryModels.unsupported(IdentityProviderStorageProvider.class, method);
                  });
      OrganizationProvider organizations =
          InMemoryModels.stub(
              OrganizationProvider.class,
              (method, args) ->
                  switch (method) {
                    case "getById" -> companiesById.get((String) args[0]);
                    case "getByMember" -> Stream.of(employer);
                    default -> InMemoryModels.unsupported(OrganizationProvider.class, method);
                  });
      AlternativeLookupProvider lookup =
          InMemoryModels.stub(
              AlternativeLookupProvider.class,
              (method, args) ->
                  switch (method) {
                    case "lookupRoleFromString" -> ROLE.equals(args[1]) ? role : null;
                    default -> InMemoryModels.unsupported(AlternativeLookupProvider.class, method);
                  });
      return InMemoryModels.stub(
          KeycloakSession.class,
          (method, args) ->
              switch (method) {
                case "identityProviders" -> identityProviders;
                case "getProvider" ->
                    args[0] == OrganizationProvider.class
                        ? organizations
                        : args[0] == AlternativeLookupProvider.class
                            ? lookup
                            : InMemoryModels.unsupported(KeycloakSession.class, "getProvider");
                default -> InMemoryModels.unsupported(KeycloakSession.class, method);
              });
    }

    private static RealmModel realm(RoleModel role) {
      return InMemoryModels.stub(
          RealmModel.class,
          (method, args) ->
              switch (method) {
                case "isOrganizationsEnabled" -> true;
                case "getRole" -> ROLE.equals(args[0]) ? role : null;
                case "getClientByClientId" -> null;
                case "getName", "getId" -> "benchmark";
                default -> InMemoryModels.unsupported(RealmModel.class, method);
              });
    }

    private static ClientModel client(String clientId, String companies) {
      return InMemoryModels.stub(
          ClientModel.class,
          (method, args) ->
              switch (method) {
                case "getClientId" -> clientId;
                case "getAttribute" ->
                    AppAccess.CLIENT_ATTRIBUTE.equals(args[0]) ? companies : null;
                default -> InMemoryModels.unsupported(ClientModel.class, method);
              });
    }

    private static RoleModel role(String name) {
      return InMemoryModels.stub(
          RoleModel.class,
          (method, args) ->
              switch (method) {
                case "getName", "getId" -> name;
                case "isClientRole" -> false;
                case "hasRole" -> false;
                default -> InMemoryModels.unsupported(RoleModel.class, method);
              });
    }

    private static UserModel user(Set<RoleModel> realmRoles, Map<String, List<String>> attributes) {
      return InMemoryModels.stub(
          UserModel.class,
          (method, args) ->
              switch (method) {
                case "hasRole" -> realmRoles.contains((RoleModel) args[0]);
                case "getRoleMappingsStream" -> realmRoles.stream();
                case "getAttributeStream" ->
                    attributes.getOrDefault((String) args[0], List.of()).stream();
                default -> InMemoryModels.unsupported(UserModel.class, method);
              });
    }
  }
}
