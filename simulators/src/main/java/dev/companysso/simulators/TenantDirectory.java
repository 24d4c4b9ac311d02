package dev.companysso.simulators;

import com.nimbusds.oauth2.sdk.id.ClientID;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The clients and accounts of one Okta org or Entra tenant, shared by all of its issuers. */
final class TenantDirectory {

  private final String name;
  private final Map<String, RegisteredClient> clients;
  private final Map<String, Account> accountsByUsername;

  TenantDirectory(String name, List<RegisteredClient> clients, List<Account> accounts) {
    this.name = name;
    this.clients =
        clients.stream()
            .collect(
                Collectors.toUnmodifiableMap(c -> c.clientId().getValue(), Function.identity()));
    this.accountsByUsername =
        accounts.stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    a -> a.username().toLowerCase(Locale.ROOT), Function.identity()));
  }

  String name() {
    return name;
  }

  Optional<RegisteredClient> client(ClientID clientId) {
    return clientId == null
        ? Optional.empty()
        : Optional.ofNullable(clients.get(clientId.getValue()));
  }

  Collection<RegisteredClient> clients() {
    return clients.values();
  }

  /**
   * The active account with these credentials; usernames match case-insensitively as at both
   * vendors.
   */
  Optional<Account> authenticate(String username, String password) {
    return Optional.ofNullable(username)
        .map(name -> accountsByUsername.get(name.trim().toLowerCase(Locale.ROOT)))
        .filter(Account::active)
        .filter(account -> account.acceptsPassword(password));
  }
}
