package dev.companysso.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToLongFunction;

/**
 * Numbered calls made by a few client threads at once, each thread taking the next number as soon
 * as its previous call returns (a closed loop: as many requests in flight as threads). The first
 * failed call stops the others and fails the run.
 */
final class ParallelCalls {

  /** The time of each call, and the wall-clock time of all of them. */
  record Result(int calls, double seconds, Latencies latencies) {

    double perSecond() {
      return calls / seconds;
    }
  }

  private ParallelCalls() {}

  /**
   * Calls {@code call} with each number from {@code from} (inclusive) to {@code to} (exclusive) on
   * {@code threads} threads; {@code call} returns the nanoseconds it timed.
   */
  static Result run(int from, int to, int threads, IntToLongFunction call) throws Exception {
    if (to <= from) {
      return new Result(0, 0, new Latencies());
    }
    AtomicInteger next = new AtomicInteger(from);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<Latencies>> work = new ArrayList<>();
      for (int thread = 0; thread < threads; thread++) {
        work.add(
            pool.submit(
                () -> {
                  Latencies mine = new Latencies();
                  try {
                    for (int n = next.getAndIncrement(); n < to; n = next.getAndIncrement()) {
                      mine.add(call.applyAsLong(n));
                    }
                  } catch (RuntimeException e) {
                    next.set(to);
                    throw e;
                  }
                  return mine;
                }));
      }
      Latencies all = new Latencies();
      for (Future<Latencies> done : work) {
        try {
          all.addAll(done.get());
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
      return new Result(to - from, (System.nanoTime() - start) / 1e9, all);
    } finally {
      pool.shutdownNow();
    }
  }
}
