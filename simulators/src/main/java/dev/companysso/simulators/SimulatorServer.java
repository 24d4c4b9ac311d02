package dev.companysso.simulators;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server. It is bound before any URLs are made so that port 0 works: the vendor
 * simulators need the bound port to know their own issuers.
 */
final class SimulatorServer implements AutoCloseable {

  /**
   * Enough for a load test's logins while some requests are held on purpose (a slow token
   * endpoint): a real IdP does not run out of threads because one client waits.
   */
  private static final int WORKER_THREADS = 64;

  private final HttpServer server;
  private final ExecutorService workers;
  private final URI baseUri;

  private SimulatorServer(HttpServer server, ExecutorService workers, String publicHost) {
    this.server = server;
    this.workers = workers;
    this.baseUri = URI.create("http://" + publicHost + ":" + server.getAddress().getPort());
  }

  static SimulatorServer bind(int port, String publicHost, String threadName) {
    // The JDK server writes headers and body separately; with Nagle's algorithm on, a client that
    // delays its ACKs (Keycloak's Apache client does) waits ~40 ms on every answer. Read once, when
    // the first server starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    // Keycloak keeps an idle connection to an IdP for 15 minutes; the JDK server closes its end
    // after 30 s by default, and a request sent on a connection closed at that moment fails
    // ("failed to respond"), one login in thirty under load. Vendors keep connections open longer.
    System.setProperty("sun.net.httpserver.idleInterval", "960");
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      AtomicInteger threads = new AtomicInteger();
      ExecutorService workers =
          Executors.newFixedThreadPool(
              WORKER_THREADS,
              task -> {
                Thread thread = new Thread(task, threadName + "-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
      server.setExecutor(workers);
      return new SimulatorServer(server, workers, publicHost);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot bind 127.0.0.1:" + port, e);
    }
  }

  void start(HttpHandler handler) {
    server.createContext("/", handler);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://{publicHost}:{port}}, without a trailing slash. */
  String baseUrl() {
    return baseUri.toString();
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
