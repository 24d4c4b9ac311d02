package dev.companysso.simulators;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs both simulators until the process is stopped: {@code --okta-port N --entra-port N [--data
 * path] [--host localhost]}.
 */
public final class SimulatorsMain {

  private record Options(int oktaPort, int entraPort, Path data, String host) {

    static Options parse(String[] args) {
      int oktaPort = 9001;
      int entraPort = 9002;
      Path data = null;
      String host = "localhost";
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("Missing value for " + args[i]);
        }
        String value = args[i + 1];
        switch (args[i]) {
          case "--okta-port" -> oktaPort = Integer.parseInt(value);
          case "--entra-port" -> entraPort = Integer.parseInt(value);
          case "--data" -> data = Path.of(value);
          case "--host" -> host = value;
          default -> throw new IllegalArgumentException("Unknown option " + args[i]);
        }
      }
      return new Options(oktaPort, entraPort, data, host);
    }
  }

  private SimulatorsMain() {}

  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "Usage: SimulatorsMain [--okta-port 9001] [--entra-port 9002] [--data directory.json] [--host localhost]");
      System.exit(2);
      return;
    }
    SimulatorDirectory directory =
        options.data() == null
            ? SimulatorDirectory.demo()
            : SimulatorDirectory.load(options.data());
    OktaSimulator okta = OktaSimulator.start(directory, options.oktaPort(), options.host());
    EntraSimulator entra = EntraSimulator.start(directory, options.entraPort(), options.host());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  okta.close();
                  entra.close();
                  stopped.countDown();
                },
                "simulators-shutdown"));
    describe(System.out, directory, okta, entra);
    stopped.await();
  }

  /**
   * The URLs to configure and the users to sign in with; the data file's passwords are demo values.
   */
  private static void describe(
      PrintStream out, SimulatorDirectory directory, OktaSimulator okta, EntraSimulator entra) {
    out.println("Okta simulator on port " + okta.port());
    for (OktaOrg org : directory.oktaOrgs()) {
      out.println("  org " + org.name() + ": " + okta.orgBaseUrl(org.name()));
      out.println("    org authorization server issuer: " + okta.issuer(org.name(), null));
      for (String serverId : org.authorizationServers()) {
        out.println(
            "    custom authorization server '"
                + serverId
                + "' issuer: "
                + okta.issuer(org.name(), serverId));
      }
      org.clients()
          .forEach(
              client ->
                  out.println("    client " + client.clientId() + " (" + client.appName() + ")"));
      for (OktaOrg.User user : org.users()) {
        out.println(
            "    user "
                + user.login()
                + " / "
                + user.password()
                + ("ACTIVE".equals(user.status()) ? "" : " (" + user.status() + ")"));
      }
    }
    out.println(
        "Entra ID simulator authority: " + entra.authority() + ", Graph: " + entra.graphBaseUrl());
    for (EntraTenant tenant : directory.entraTenants()) {
      out.println(
          "  tenant " + tenant.name() + " " + tenant.tenantId() + " " + tenant.verifiedDomains());
      out.println("    issuer: " + entra.issuer(tenant.tenantId()));
      tenant
          .apps()
          .forEach(app -> out.println("    app " + app.clientId() + " (" + app.appName() + ")"));
      for (EntraTenant.User user : tenant.users()) {
        out.println(
            "    user "
                + user.userPrincipalName()
                + " / "
                + user.password()
                + (user.accountEnabled() ? "" : " (disabled)"));
      }
    }
    out.println("Press Ctrl-C to stop.");
    out.flush();
  }
}
