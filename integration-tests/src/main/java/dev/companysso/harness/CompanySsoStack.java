package dev.companysso.harness;

import dev.companysso.simulators.EntraSimulator;
import dev.companysso.simulators.OktaSimulator;
import dev.companysso.simulators.SimulatorDirectory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything a sign-in needs: the Okta and Entra ID simulators and Keycloak with the bundle and the
 * {@code workforce} realm, wired together through the realm export's placeholders.
 */
public final class CompanySsoStack implements AutoCloseable {

  public static final String REALM = "workforce";
  public static final String ACME_ORG = "acme";
  public static final String GLOBEX_ORG = "globex";
  public static final String FABRIKAM_TENANT_ID = "9a7b5c3d-1e2f-4a6b-8c9d-0e1f2a3b4c5d";
  public static final String CONTOSO_TENANT_ID = "5f0f6e0c-8c1a-4f7e-9d2b-6a1c3e4b7a10";

  /** The environment-variable form of the portal provider's options. */
  private static final String PORTAL_OPTION =
      "KC_SPI_REALM_RESTAPI_EXTENSION__COMPANY_SSO_PORTAL__";

  /** Loopback ports of the stack's servers. */
  public record Ports(int keycloak, int management, int okta, int entra) {

    /** The demo's well-known ports, which the realm export's placeholder defaults name. */
    public static Ports demo() {
      return new Ports(8080, 9000, 9001, 9002);
    }

    /** Free ports, so a test run never collides with a running demo. */
    public static Ports free() {
      return new Ports(FreePort.pick(), FreePort.pick(), FreePort.pick(), FreePort.pick());
    }
  }

  private final SimulatorDirectory directory;
  private final OktaSimulator okta;
  private final EntraSimulator entra;
  private final LoopbackDns dns;
  private final KeycloakServer keycloak;

  private CompanySsoStack(
      SimulatorDirectory directory,
      OktaSimulator okta,
      EntraSimulator entra,
      LoopbackDns dns,
      KeycloakServer keycloak) {
    this.directory = directory;
    this.okta = okta;
    this.entra = entra;
    this.dns = dns;
    this.keycloak = keycloak;
  }

  /** How often Keycloak re-checks verified domains here: often enough for a test to see it. */
  public static final int DOMAIN_RECHECK_SECONDS = 5;

  public static CompanySsoStack start(KeycloakDistribution distribution, Ports ports, Path log) {
    return start(distribution, ports, log, Map.of());
  }

  /**
   * The same, with {@code keycloakEnvironment} added to Keycloak's process (its options as {@code
   * KC_*} variables, {@code JAVA_OPTS_APPEND}), e.g. for a benchmark's SQL log or profiler.
   */
  public static CompanySsoStack start(
      KeycloakDistribution distribution,
      Ports ports,
      Path log,
      Map<String, String> keycloakEnvironment) {
    SimulatorDirectory directory = SimulatorDirectory.demo();
    OktaSimulator okta = OktaSimulator.start(directory, ports.okta());
    EntraSimulator entra = EntraSimulator.start(directory, ports.entra());
    LoopbackDns dns = LoopbackDns.start();
    Map<String, String> environment = new HashMap<>(realmEnvironment(okta, entra));
    environment.put(PORTAL_OPTION + "DNS_SERVERS", dns.address());
    environment.put(PORTAL_OPTION + "DNS_TIMEOUT_MILLIS", "1000");
    environment.put(PORTAL_OPTION + "DOMAIN_RECHECK_SECONDS", "" + DOMAIN_RECHECK_SECONDS);
    environment.putAll(keycloakEnvironment);
    try {
      KeycloakServer keycloak =
          KeycloakServer.start(
              distribution, ports.keycloak(), ports.management(), log, environment);
      return new CompanySsoStack(directory, okta, entra, dns, keycloak);
    } catch (RuntimeException e) {
      okta.close();
      entra.close();
      dns.close();
      throw e;
    }
  }

  /**
   * Values for the placeholders of {@code workforce-realm.json} that point it at the simulators.
   */
  public static Map<String, String> realmEnvironment(OktaSimulator okta, EntraSimulator entra) {
    return Map.of(
        "OKTA_ACME_URL", okta.orgBaseUrl(ACME_ORG),
        "OKTA_GLOBEX_URL", okta.orgBaseUrl(GLOBEX_ORG),
        "OKTA_BASE_URL", okta.orgBaseUrl(""),
        "ENTRA_AUTHORITY", entra.authority(),
        "PORTAL_ENTRA_AUTHORITY", entra.authority(),
        "ENTRA_CONTOSO_TENANT_ID", CONTOSO_TENANT_ID);
  }

  public SimulatorDirectory directory() {
    return directory;
  }

  public OktaSimulator okta() {
    return okta;
  }

  public EntraSimulator entra() {
    return entra;
  }

  /** The name server Keycloak asks to verify domains. */
  public LoopbackDns dns() {
    return dns;
  }

  public KeycloakServer keycloak() {
    return keycloak;
  }

  @Override
  public void close() {
    keycloak.close();
    okta.close();
    entra.close();
    dns.close();
  }
}
