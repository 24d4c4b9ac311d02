package dev.companysso.simulators;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Faults a test injects into a simulator's directory API (Okta's management API, Microsoft Graph)
 * to see how a client copes with rate limits, outages, garbage and expired tokens.
 */
public final class ApiFaults {

  private static final class Rule {
    private final Pattern path;
    private final ApiFault fault;
    private int skip;
    private int times;

    private Rule(Pattern path, int skip, int times, ApiFault fault) {
      this.path = path;
      this.skip = skip;
      this.times = times;
      this.fault = fault;
    }
  }

  private final List<Rule> rules = new ArrayList<>();

  /**
   * Lets the first {@code skip} API requests whose path (without the query) contains a match of
   * {@code pathRegex} through, then answers the next {@code times} of them with {@code fault}.
   * Rules apply in the order injected: the first one due answers a request, and later ones do not
   * see it.
   */
  public synchronized void inject(String pathRegex, int skip, int times, ApiFault fault) {
    if (skip < 0 || times < 1) {
      throw new IllegalArgumentException("skip must be >= 0 and times >= 1");
    }
    rules.add(new Rule(Pattern.compile(pathRegex), skip, times, fault));
  }

  /** Removes every fault not yet used up. */
  public synchronized void clear() {
    rules.clear();
  }

  /** The fault for this request, if one is due; counts the request against the rules. */
  synchronized Optional<ApiFault> take(String path) {
    for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
      Rule rule = it.next();
      if (!rule.path.matcher(path).find()) {
        continue;
      }
      if (rule.skip > 0) {
        rule.skip--;
        continue;
      }
      if (--rule.times == 0) {
        it.remove();
      }
      return Optional.of(rule.fault);
    }
    return Optional.empty();
  }
}
