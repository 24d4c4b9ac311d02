package dev.companysso.simulators;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque {@code $skiptoken} and {@code $deltatoken} values in Graph's links. A delta token
 * holds where in the tenant's change log its round ended; it also names the tenant and this
 * simulator run ({@code generation}), so that a token from another run is refused instead of
 * misread.
 */
final class GraphTokens {

  /**
   * Where a delta round stands: after {@code position} in the change log; {@code changes} false in
   * the first round, which lists users, true in later ones, which also list removals.
   */
  record DeltaState(boolean changes, UserStore.Position position) {}

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final String generation;

  GraphTokens(String generation) {
    this.generation = generation;
  }

  /** A listing's {@code $skiptoken}: the id of the last item on the page before. */
  static String skipToken(String lastId) {
    return encode(lastId);
  }

  static Optional<String> lastId(String skipToken) {
    return decode(skipToken);
  }

  String deltaToken(String tenantId, DeltaState state) {
    return encode(
        String.join(
            ":",
            generation,
            tenantId,
            String.valueOf(state.changes()),
            String.valueOf(state.position().stamp()),
            state.position().id()));
  }

  /** The state a token of this run and tenant stands for; empty for any other text. */
  Optional<DeltaState> deltaState(String token, String tenantId) {
    Optional<String[]> parts =
        decode(token)
            .map(text -> text.split(":", 5))
            .filter(p -> p.length == 5 && p[0].equals(generation) && p[1].equals(tenantId));
    try {
      return parts.map(
          p ->
              new DeltaState(
                  Boolean.parseBoolean(p[2]), new UserStore.Position(Long.parseLong(p[3]), p[4])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String encode(String text) {
    return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<String> decode(String token) {
    try {
      return Optional.of(new String(DECODER.decode(token), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
