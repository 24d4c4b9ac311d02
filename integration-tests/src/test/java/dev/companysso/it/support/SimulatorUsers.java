package dev.companysso.it.support;

import dev.companysso.simulators.OktaOrg;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** People a test hires in a simulator, as the vendor's admin would add them. */
public final class SimulatorUsers {

  private SimulatorUsers() {}

  /** An ACTIVE Okta user with a fresh Okta id, whose login is also the e-mail (verified). */
  public static OktaOrg.User okta(
      String login, String password, String firstName, String lastName, List<String> groups) {
    return new OktaOrg.User(
        "00u" + UUID.randomUUID().toString().replace("-", "").substring(0, 17),
        login,
        password,
        firstName,
        lastName,
        login,
        true,
        "ACTIVE",
        groups,
        Map.of());
  }
}
