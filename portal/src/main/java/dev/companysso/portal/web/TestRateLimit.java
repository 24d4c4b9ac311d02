package dev.companysso.portal.web;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A company's connection tests make this server call the company's IdP: a few a minute are enough
 * for an admin and too few to make the server a tool against an IdP. Counted per node.
 */
final class TestRateLimit {

  static final Duration WINDOW = Duration.ofMinutes(1);
  static final int TESTS_PER_WINDOW = 6;

  private static final Map<String, Deque<Long>> RECENT = new ConcurrentHashMap<>();

  private TestRateLimit() {}

  static boolean allow(String companyId) {
    long now = System.nanoTime();
    Deque<Long> recent = RECENT.computeIfAbsent(companyId, id -> new ArrayDeque<>());
    synchronized (recent) {
      while (!recent.isEmpty() && now - recent.peekFirst() > WINDOW.toNanos()) {
        recent.pollFirst();
      }
      if (recent.size() >= TESTS_PER_WINDOW) {
        return false;
      }
      recent.addLast(now);
      return true;
    }
  }
}
