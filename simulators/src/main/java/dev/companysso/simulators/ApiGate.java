package dev.companysso.simulators;

import com.sun.net.httpserver.HttpExchange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.regex.Matcher;

/**
 * Every request to a simulator's directory API passes here: it is counted for its org or tenant,
 * then an injected fault may answer it instead of the API. A request that arrives while another of
 * the same org or tenant is being answered is recorded: it shows two sync runs reading it side by
 * side.
 */
final class ApiGate {

  private final ApiFaults faults = new ApiFaults();
  private final ApiFaultReplies replies;
  private final BiFunction<HttpExchange, Matcher, Optional<String>> counterKey;
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final Map<String, InProgress> inProgress = new ConcurrentHashMap<>();

  /** One request being answered: what, from which connection, since when. */
  private record Call(String request, String client, Instant since) {
    @Override
    public String toString() {
      return request + " from " + client + " since " + since;
    }
  }

  /**
   * The requests of one key being answered now, and every time one arrived while others were: each
   * overlap names all the calls involved, so a failure shows whose requests met.
   */
  private static final class InProgress {
    private final Set<Call> now = new HashSet<>();
    private final List<String> overlaps = new ArrayList<>();

    synchronized void enter(Call call) {
      // A client sends its next request on a connection only once it has read the whole answer to
      // the last one (HTTP/1.1, no pipelining), which may be before the thread that wrote that
      // answer has left: a call on the same connection is one that has been answered.
      now.removeIf(answered -> answered.client().equals(call.client()));
      if (!now.isEmpty()) {
        overlaps.add(call + " while " + now);
      }
      now.add(call);
    }

    synchronized void leave(Call call) {
      now.remove(call);
    }

    synchronized List<String> overlaps() {
      return List.copyOf(overlaps);
    }

    synchronized void forgetOverlaps() {
      overlaps.clear();
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

  /**
   * Requests for {@code key} that arrived while another was being answered, since {@link
   * #forgetOverlaps}: empty when its clients never read it side by side.
   */
  List<String> overlaps(String key) {
    InProgress of = inProgress.get(key);
    return of == null ? List.of() : of.overlaps();
  }

  void forgetOverlaps(String key) {
    InProgress of = inProgress.get(key);
    if (of != null) {
      of.forgetOverlaps();
    }
  }

  Router.RouteHandler guard(Router.RouteHandler api) {
    return (exchange, path) -> {
      Optional<String> key = counterKey.apply(exchange, path);
      key.ifPresent(k -> requests.computeIfAbsent(k, x -> new LongAdder()).increment());
      Optional<InProgress> answering =
          key.map(k -> inProgress.computeIfAbsent(k, x -> new InProgress()));
      Call call =
          new Call(
              exchange.getRequestMethod() + " " + exchange.getRequestURI(),
              String.valueOf(exchange.getRemoteAddress()),
              Instant.now());
      answering.ifPresent(of -> of.enter(call));
      try {
        Optional<ApiFault> fault = faults.take(exchange.getRequestURI().getPath());
        if (fault.isEmpty() || !fault.get().answer(exchange, replies)) {
          api.handle(exchange, path);
        }
      } finally {
        answering.ifPresent(of -> of.leave(call));
      }
    };
  }
}
