package dev.companysso.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The load balancer in front of a cluster, reduced to what a test needs: every request goes to the
 * node the test has chosen, so one login can be made to cross nodes step by step. Requests and
 * answers pass unchanged (no redirects followed, cookies and {@code Location} as the node sent
 * them); the nodes' {@code --hostname} is this switch's URL.
 */
public final class NodeSwitch implements AutoCloseable {

  /** Headers the JDK client sets itself and refuses from callers, and hop-by-hop headers. */
  private static final Set<String> NOT_FORWARDED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final HttpClient client =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private volatile int targetPort;

  private NodeSwitch(HttpServer server) {
    this.server = server;
  }

  public static NodeSwitch start(int port) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
      NodeSwitch node = new NodeSwitch(server);
      server.createContext("/", node::forward);
      server.setExecutor(node.threads);
      server.start();
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  /** Sends every following request to the node listening on {@code httpPort}. */
  public void routeTo(int httpPort) {
    this.targetPort = httpPort;
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + targetPort + exchange.getRequestURI()))
              .timeout(Duration.ofSeconds(60))
              .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
        if (!NOT_FORWARDED.contains(header.getKey().toLowerCase())) {
          header.getValue().forEach(value -> request.header(header.getKey(), value));
        }
      }
      HttpResponse<byte[]> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        // The chosen node is down: the balancer answers as a real one would.
        exchange.sendResponseHeaders(502, -1);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                  exchange.getResponseHeaders().put(name, values);
                }
              });
      byte[] answer = response.body();
      boolean empty = answer.length == 0 || exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : answer.length);
      if (!empty) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
