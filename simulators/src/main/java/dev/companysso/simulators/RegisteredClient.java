package dev.companysso.simulators;

import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** A confidential OIDC client as the shared engine sees it, whichever vendor registered it. */
record RegisteredClient(
    ClientID clientId,
    Secret secret,
    String appName,
    List<RedirectUriPattern> redirectUris,
    Set<String> assignedUsernames,
    boolean consented) {

  static RegisteredClient of(
      String clientId,
      String secret,
      String appName,
      List<String> redirectUris,
      List<String> assignedUsernames) {
    return new RegisteredClient(
        new ClientID(clientId),
        new Secret(secret),
        appName,
        redirectUris.stream().map(RedirectUriPattern::new).toList(),
        assignedUsernames.stream()
            .map(name -> name.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet()),
        true);
  }

  /** The same app before anyone consented to it (Entra: no admin consent in the tenant yet). */
  RegisteredClient withoutConsent() {
    return new RegisteredClient(clientId, secret, appName, redirectUris, assignedUsernames, false);
  }

  boolean admitsRedirect(URI uri) {
    return redirectUris.stream().anyMatch(pattern -> pattern.admits(uri));
  }

  boolean authenticatedBy(Secret presented) {
    return secret.equalsSHA256Based(presented);
  }

  boolean isAssigned(Account account) {
    return account.assignedToEveryApp()
        || assignedUsernames.contains(account.username().toLowerCase(Locale.ROOT));
  }

  /** Keeps the secret out of any log line or assertion message that prints a client. */
  @Override
  public String toString() {
    return "RegisteredClient[" + clientId + "]";
  }
}
