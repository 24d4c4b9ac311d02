package dev.companysso.simulators;

import com.sun.net.httpserver.HttpExchange;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The vendor's own single sign-on session: once a password was accepted, later authorization
 * requests of the same browser to the same org or tenant are answered without the form, as Okta and
 * Entra ID do. This is what makes a broker that keeps redirecting after an error loop for real (the
 * vendor answers the same error again at once), so the simulators must keep it.
 */
final class SignInSessions {

  /** Okta's session lasts two hours by default; the tests never come near it. */
  static final Duration LIFETIME = Duration.ofHours(2);

  private record SignedIn(TenantDirectory directory, Account account) {}

  private final String cookieName;
  private final ExpiringStore<SignedIn> sessions;

  SignInSessions(String cookieName, Clock clock) {
    this.cookieName = cookieName;
    this.sessions = new ExpiringStore<>(LIFETIME, clock);
  }

  /** Starts a session for the account and sets its cookie on the response. */
  void start(HttpExchange exchange, TenantDirectory directory, Account account) {
    String id = sessions.put(new SignedIn(directory, account));
    exchange
        .getResponseHeaders()
        .add("Set-Cookie", cookieName + "=" + id + "; Path=/; HttpOnly; SameSite=Lax");
  }

  /**
   * The account signed in to this org or tenant in the browser of the request, while it still may
   * sign in. A session of another org or tenant does not count, as each has its own domain.
   */
  Optional<Account> current(HttpExchange exchange, TenantDirectory directory) {
    return cookie(exchange)
        .flatMap(sessions::peek)
        .filter(signedIn -> signedIn.directory() == directory)
        .map(SignedIn::account)
        .filter(directory::stillActive);
  }

  /** Ends the browser's session (sign-out) and clears its cookie. */
  void end(HttpExchange exchange) {
    cookie(exchange).ifPresent(sessions::redeem);
    exchange
        .getResponseHeaders()
        .add("Set-Cookie", cookieName + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
  }

  private Optional<String> cookie(HttpExchange exchange) {
    List<String> headers = exchange.getRequestHeaders().get("Cookie");
    if (headers == null) {
      return Optional.empty();
    }
    String prefix = cookieName + "=";
    return headers.stream()
        .flatMap(header -> List.of(header.split(";")).stream())
        .map(String::trim)
        .filter(pair -> pair.startsWith(prefix))
        .map(pair -> pair.substring(prefix.length()))
        .filter(value -> !value.isEmpty())
        .findFirst();
  }
}
