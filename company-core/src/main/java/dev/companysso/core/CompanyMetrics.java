package dev.companysso.core;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The bundle's meters on Keycloak's metrics endpoint ({@code --metrics-enabled=true}, port 9000
 * {@code /metrics}), registered the way Keycloak registers its own: on Micrometer's global
 * registry, which Keycloak exports. Without metrics enabled every call is a no-op. The names and
 * tags are documented, with what to alert on, in docs/operations.md.
 */
public final class CompanyMetrics {

  private static final Meter.MeterProvider<Counter> DISCOVERY =
      Counter.builder("company_sso_discovery")
          .description("Company discovery resolutions by outcome")
          .withRegistry(Metrics.globalRegistry);

  private static final Meter.MeterProvider<Counter> FIRST_LOGINS =
      Counter.builder("company_sso_first_logins")
          .description("First logins through a company's identity provider by outcome")
          .withRegistry(Metrics.globalRegistry);

  private static final Meter.MeterProvider<Counter> MAPPING_PROBLEMS =
      Counter.builder("company_sso_mapping_problems")
          .description("Rule-table rows skipped at a login or sync, by problem")
          .withRegistry(Metrics.globalRegistry);

  private static final Meter.MeterProvider<Timer> SYNC_RUNS =
      Timer.builder("company_sso_directory_sync")
          .description("Directory sync runs by outcome, with their duration")
          .withRegistry(Metrics.globalRegistry);

  private static final Meter.MeterProvider<Counter> SCIM_REQUESTS =
      Counter.builder("company_sso_scim_requests")
          .description("SCIM requests by HTTP status")
          .withRegistry(Metrics.globalRegistry);

  private static final Meter.MeterProvider<Counter> CONNECTION_CHECKS =
      Counter.builder("company_sso_connection_checks")
          .description("Scheduled and requested checks of companies' identity providers by outcome")
          .withRegistry(Metrics.globalRegistry);

  private static final Meter.MeterProvider<Counter> EXPIRY_WARNINGS =
      Counter.builder("company_sso_expiry_warnings")
          .description("Expiry warnings sent, by what expires")
          .withRegistry(Metrics.globalRegistry);

  private CompanyMetrics() {}

  /**
   * @param outcome {@code linked}, {@code company}, {@code domain} or {@code local}
   */
  public static void discovery(String outcome) {
    DISCOVERY.withTags("outcome", outcome).increment();
  }

  /**
   * @param outcome {@code created}, {@code linked-provisioned}, {@code linked-trusted} or {@code
   *     refused-foreign-domain}
   */
  public static void firstLogin(String outcome) {
    FIRST_LOGINS.withTags("outcome", outcome).increment();
  }

  /**
   * @param problem {@code target-missing} or {@code rule-invalid}
   */
  public static void mappingProblem(String problem) {
    MAPPING_PROBLEMS.withTags("problem", problem).increment();
  }

  /**
   * @param outcome the run's outcome ({@code COMPLETED}, {@code FAILED}, …) in lower case
   */
  public static void directorySync(String outcome, Duration duration) {
    SYNC_RUNS.withTags("outcome", outcome).record(duration);
  }

  public static void scimRequest(int status) {
    SCIM_REQUESTS.withTags("status", String.valueOf(status)).increment();
  }

  /**
   * @param outcome {@code ok} or {@code failing}
   */
  public static void connectionCheck(String outcome) {
    CONNECTION_CHECKS.withTags("outcome", outcome).increment();
  }

  /**
   * @param what {@code client-secret} or {@code scim-token}
   */
  public static void expiryWarning(String what) {
    EXPIRY_WARNINGS.withTags("what", what).increment();
  }
}
