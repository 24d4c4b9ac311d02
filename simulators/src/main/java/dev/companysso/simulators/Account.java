package dev.companysso.simulators;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A user as the sign-in form sees them; {@code id} is the vendor's user id that token claims are
 * built from. {@code assignedToEveryApp}: users hired while a simulator runs are assigned to every
 * app of their org or tenant, as a group rule would; the data file's users to the apps listing
 * them.
 */
record Account(
    String id, String username, String password, boolean active, boolean assignedToEveryApp) {

  boolean acceptsPassword(String candidate) {
    return candidate != null
        && MessageDigest.isEqual(
            password.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
  }

  /** Keeps the password out of any log line or assertion message that prints an account. */
  @Override
  public String toString() {
    return "Account[" + username + "]";
  }
}
