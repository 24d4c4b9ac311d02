package dev.companysso.simulators;

import com.nimbusds.oauth2.sdk.id.ClientID;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The clients and accounts of one Okta org or Entra tenant, shared by all of its issuers. */
final class TenantDirectory {

  private final String name;
  private final Map<String, RegisteredClient> clients;
  private final Function<String, Optional<Account>> accounts;

  /**
   * @param accounts the account of a username, as the org or tenant has it now; usernames match
   *     case-insensitively as at both vendors
   */
  TenantDirectory(
      String name, List<RegisteredClient> clients, Function<String, Optional<Account>> accounts) {
    this.name = name;
    this.clients =
        clients.stream()
            .collect(
                Collectors.toUnmodifiableMap(c -> c.clientId().getValue(), Function.identity()));
    this.accounts = accounts;
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

  /** The active account with these credentials. */
  Optional<Account> authenticate(String username, String password) {
    return Optional.ofNullable(username)
        .flatMap(name -> accounts.apply(name.trim()))
        .filter(Account::active)
        .filter(account -> account.acceptsPassword(password));
  }

  /** Whether the user an account stands for still exists and may sign in: grants die with it. */
  boolean stillActive(Account account) {
    return accounts
        .apply(account.username())
        .filter(current -> current.id().equals(account.id()) && current.active())
        .isPresent();
  }
}
