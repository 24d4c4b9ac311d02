package dev.companysso.simulators;

import com.sun.net.httpserver.HttpExchange;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.regex.Matcher;

/**
 * Every request to a simulator's directory API passes here: it is counted for its org or tenant,
 * then an injected fault may answer it instead of the API.
 */
final class ApiGate {

  private final ApiFaults faults = new ApiFaults();
  private final ApiFaultReplies replies;
  private final BiFunction<HttpExchange, Matcher, Optional<String>> counterKey;
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();

  /** {@code counterKey}: the org or tenant a request is for, as {@link #requests} is asked. */
  ApiGate(ApiFaultReplies replies, BiFunction<HttpExchange, Matcher, Optional<String>> counterKey) {
    this.replies = replies;
    this.counterKey = counterKey;
  }

  ApiFaults faults() {
    return faults;
  }

  long requests(String key) {
    LongAdder count = requests.get(key);
    return count == null ? 0 : count.sum();
  }

  Router.RouteHandler guard(Router.RouteHandler api) {
    return (exchange, path) -> {
      counterKey
          .apply(exchange, path)
          .ifPresent(key -> requests.computeIfAbsent(key, k -> new LongAdder()).increment());
      Optional<ApiFault> fault = faults.take(exchange.getRequestURI().getPath());
      if (fault.isEmpty() || !fault.get().answer(exchange, replies)) {
        api.handle(exchange, path);
      }
    };
  }
}
