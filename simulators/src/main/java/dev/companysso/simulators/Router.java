package dev.companysso.simulators;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dispatches requests by method and path regex; the handler receives the matched path. */
final class Router implements HttpHandler {

  @FunctionalInterface
  interface RouteHandler {
    void handle(HttpExchange exchange, Matcher path) throws IOException;
  }

  /** Handles a request for one issuer, found from the request path. */
  @FunctionalInterface
  interface ProviderHandler {
    void handle(HttpExchange exchange, OidcProvider provider) throws IOException;
  }

  private record Route(Set<String> methods, Pattern path, RouteHandler handler) {}

  private static final System.Logger LOG = System.getLogger(Router.class.getName());

  private final List<Route> routes = new ArrayList<>();

  /** Adds a route; {@code methods} is e.g. "GET" or "GET,POST". Call before the server starts. */
  Router on(String methods, String pathRegex, RouteHandler handler) {
    routes.add(new Route(Set.of(methods.split(",")), Pattern.compile(pathRegex), handler));
    return this;
  }

  /** Adds a route whose path names an issuer; unknown issuers get a 404. */
  Router on(
      String methods,
      String pathRegex,
      Function<Matcher, Optional<OidcProvider>> issuerFromPath,
      ProviderHandler handler) {
    return on(
        methods,
        pathRegex,
        (exchange, path) -> {
          Optional<OidcProvider> provider = issuerFromPath.apply(path);
          if (provider.isPresent()) {
            handler.handle(exchange, provider.get());
          } else {
            Exchanges.sendText(exchange, 404, "Not Found");
          }
        });
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      dispatch(exchange);
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.ERROR,
          "Simulator failed on " + exchange.getRequestURI().getPath(),
          e);
      if (exchange.getResponseCode() == -1) {
        Exchanges.sendText(exchange, 500, "Internal Server Error");
      }
    } finally {
      exchange.close();
    }
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    boolean pathKnown = false;
    for (Route route : routes) {
      Matcher matcher = route.path().matcher(path);
      if (matcher.matches()) {
        pathKnown = true;
        if (route.methods().contains(exchange.getRequestMethod())) {
          route.handler().handle(exchange, matcher);
          return;
        }
      }
    }
    Exchanges.sendText(
        exchange, pathKnown ? 405 : 404, pathKnown ? "Method Not Allowed" : "Not Found");
  }
}
