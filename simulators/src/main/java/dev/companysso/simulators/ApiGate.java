package dev.companysso.simulators;

import com.sun.net.httpserver.HttpExchange;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.regex.Matcher;

/**
 * Every request to a simulator's directory API passes here: it is counted for its org or tenant,
 * then an injected fault may answer it instead of the API. The most requests of one org or tenant
 * in progress at once shows whether two sync runs ever read it side by side.
 */
final class ApiGate {

  private final ApiFaults faults = new ApiFaults();
  private final ApiFaultReplies replies;
  private final BiFunction<HttpExchange, Matcher, Optional<String>> counterKey;
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, Concurrency> concurrency = new ConcurrentHashMap<>();

  /** Requests of one key in progress now, and the most at once since the last reset. */
  private static final class Concurrency {
    private final AtomicInteger now = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    void enter() {
      peak.accumulateAndGet(now.incrementAndGet(), Math::max);
    }

    void leave() {
      now.decrementAndGet();
    }
  }

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

  /** The most requests for {@code key} in progress at once since {@link #resetPeak}. */
  int peakConcurrent(String key) {
    Concurrency of = concurrency.get(key);
    return of == null ? 0 : of.peak.get();
  }

  void resetPeak(String key) {
    Concurrency of = concurrency.get(key);
    if (of != null) {
      of.peak.set(of.now.get());
    }
  }

  Router.RouteHandler guard(Router.RouteHandler api) {
    return (exchange, path) -> {
      Optional<String> key = counterKey.apply(exchange, path);
      key.ifPresent(k -> requests.computeIfAbsent(k, x -> new LongAdder()).increment());
      Optional<Concurrency> inProgress =
          key.map(k -> concurrency.computeIfAbsent(k, x -> new Concurrency()));
      inProgress.ifPresent(Concurrency::enter);
      try {
        Optional<ApiFault> fault = faults.take(exchange.getRequestURI().getPath());
        if (fault.isEmpty() || !fault.get().answer(exchange, replies)) {
          api.handle(exchange, path);
        }
      } finally {
        inProgress.ifPresent(Concurrency::leave);
      }
    };
  }
}
