package dev.companysso.harness;

import dev.companysso.simulators.EntraTenant;
import dev.companysso.simulators.OktaOrg;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The demo: the simulators and Keycloak with the bundle on the well-known ports, until Ctrl-C.
 * Started by {@code ./run-demo.sh}.
 */
public final class DemoMain {

  private DemoMain() {}

  public static void main(String[] args) throws InterruptedException {
    System.out.println(
        "Starting the Okta and Entra ID simulators and Keycloak (about a minute)...");
    CompanySsoStack stack =
        CompanySsoStack.start(
            KeycloakDistribution.fromSystemProperties(),
            CompanySsoStack.Ports.demo(),
            Path.of("target", "keycloak-demo.log").toAbsolutePath());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stack.close();
                  stopped.countDown();
                },
                "stop-demo"));
    printWelcome(stack);
    stopped.await();
  }

  private static void printWelcome(CompanySsoStack stack) {
    String keycloak = stack.keycloak().baseUrl();
    StringBuilder text = new StringBuilder();
    text.append("\nCompany SSO demo is running.\n\n")
        .append("  Sign in as a worker:  ")
        .append(keycloak)
        .append("/realms/")
        .append(CompanySsoStack.REALM)
        .append("/account\n")
        .append(
            "                        click Single Sign-On, type acme, contoso or a work e-mail\n")
        .append("  Admin console:        ")
        .append(keycloak)
        .append("/admin/master/console/#/")
        .append(CompanySsoStack.REALM)
        .append("  (")
        .append(KeycloakServer.ADMIN_USERNAME)
        .append(" / ")
        .append(KeycloakServer.ADMIN_PASSWORD)
        .append(")\n")
        .append("  Okta simulator:       ")
        .append(stack.okta().orgBaseUrl(CompanySsoStack.ACME_ORG))
        .append("  (company acme)\n")
        .append("  Entra ID simulator:   ")
        .append(stack.entra().issuer(CompanySsoStack.CONTOSO_TENANT_ID))
        .append("  (company contoso)\n")
        .append("  Keycloak log:         ")
        .append(stack.keycloak().log())
        .append("\n\nDemo workers (user / password):\n");
    for (OktaOrg org : stack.directory().oktaOrgs()) {
      for (OktaOrg.User user : org.users()) {
        text.append(
            String.format("  Okta %-10s %-26s %s%n", org.name(), user.login(), user.password()));
      }
    }
    for (EntraTenant tenant : stack.directory().entraTenants()) {
      for (EntraTenant.User user : tenant.users()) {
        text.append(
            String.format(
                "  Entra %-9s %-26s %s%n",
                tenant.name(), user.userPrincipalName(), user.password()));
      }
    }
    text.append("\nPress Ctrl-C to stop.");
    System.out.println(text);
  }
}
