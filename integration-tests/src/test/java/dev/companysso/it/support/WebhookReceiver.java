package dev.companysso.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on loopback, as a vendor's onboarding system is one: it keeps every message it
 * is sent (its Standard Webhooks headers and body) and can be stopped and started again on the same
 * port, as a receiver that is down for a while. It checks signatures as the Standard Webhooks
 * specification says, independently of the sender's code.
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One message as received. */
  public record Message(String path, String id, String timestamp, String signature, String body) {

    public JsonNode json() {
      try {
        return new ObjectMapper().readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException(body, e);
      }
    }

    public String type() {
      return json().path("type").asText();
    }

    /** Whether the signature is the secret's and the timestamp within five minutes of now. */
    public boolean signedWith(String secret) throws Exception {
      long seconds = Long.parseLong(timestamp);
      if (Math.abs(Instant.now().getEpochSecond() - seconds) > 300) {
        return false;
      }
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
      byte[] expected =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      for (String candidate : signature.split(" ")) {
        if (candidate.startsWith("v1,")
            && MessageDigest.isEqual(
                expected, Base64.getDecoder().decode(candidate.substring("v1,".length())))) {
          return true;
        }
      }
      return false;
    }
  }

  private final int port;
  private final List<Message> messages = new ArrayList<>();
  private HttpServer server;

  public WebhookReceiver(int port) {
    this.port = port;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  public synchronized WebhookReceiver start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/", this::receive);
    server.start();
    return this;
  }

  /** Stops answering: connections are refused until {@link #start()}. */
  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  public synchronized List<Message> messages() {
    return List.copyOf(messages);
  }

  /** Waits until the messages include {@code count} matching {@code wanted}; answers those. */
  public List<Message> await(Predicate<Message> wanted, int count, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      List<Message> matching = messages().stream().filter(wanted).toList();
      if (matching.size() >= count || Instant.now().isAfter(deadline)) {
        return matching;
      }
      Thread.sleep(200);
    }
  }

  private void receive(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    synchronized (this) {
      messages.add(
          new Message(
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders().getFirst("webhook-id"),
              exchange.getRequestHeaders().getFirst("webhook-timestamp"),
              exchange.getRequestHeaders().getFirst("webhook-signature"),
              body));
    }
    exchange.sendResponseHeaders(204, -1);
    exchange.close();
  }

  @Override
  public void close() {
    stop();
  }
}
