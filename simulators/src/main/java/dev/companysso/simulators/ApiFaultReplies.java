package dev.companysso.simulators;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;

/** How one vendor's directory API words the faults an {@link ApiFault} stands for. */
interface ApiFaultReplies {

  void rateLimited(HttpExchange exchange, Duration wait) throws IOException;

  void serverError(HttpExchange exchange) throws IOException;

  void unauthorized(HttpExchange exchange) throws IOException;

  /** The start of a page body, cut off where a client's JSON parser must fail. */
  String truncatedBody();
}
