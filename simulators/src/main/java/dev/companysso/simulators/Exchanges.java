package dev.companysso.simulators;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Moves requests and responses between the JDK HTTP server and Nimbus' HTTP message types. */
final class Exchanges {

  private Exchanges() {}

  /** The query parameters of a GET, or the form parameters of a POST. */
  static Map<String, List<String>> parameters(HttpExchange exchange) throws IOException {
    String encoded =
        "POST".equals(exchange.getRequestMethod())
            ? body(exchange)
            : exchange.getRequestURI().getRawQuery();
    return URLUtils.parseParameters(encoded);
  }

  static String parameter(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String body(HttpExchange exchange) throws IOException {
    return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
  }

  /** The request as Nimbus sees it, addressed to the endpoint's public URL. */
  static HTTPRequest toNimbusRequest(HttpExchange exchange, URI endpoint) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    URI uri = query == null ? endpoint : URI.create(endpoint + "?" + query);
    HTTPRequest request =
        new HTTPRequest(HTTPRequest.Method.valueOf(exchange.getRequestMethod()), uri);
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> request.setHeader(name, values.toArray(String[]::new)));
    String body = body(exchange);
    if (!body.isEmpty()) {
      request.setBody(body);
    }
    return request;
  }

  static void send(HttpExchange exchange, HTTPResponse response) throws IOException {
    response
        .getHeaderMap()
        .forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
    write(exchange, response.getStatusCode(), response.getBody());
  }

  static void sendHtml(HttpExchange exchange, int status, String html) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    write(exchange, status, html);
  }

  static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    write(exchange, status, json);
  }

  static void sendText(HttpExchange exchange, int status, String text) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    write(exchange, status, text);
  }

  static void redirect(HttpExchange exchange, URI location) throws IOException {
    exchange.getResponseHeaders().set("Location", location.toString());
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    write(exchange, 302, null);
  }

  private static void write(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
