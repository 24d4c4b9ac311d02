package dev.companysso.simulators;

/** Thrown inside a Graph endpoint to answer with Graph's error body instead. */
final class GraphError extends Exception {

  private final int status;
  private final String code;

  GraphError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static GraphError badRequest(String message) {
    return new GraphError(400, "Request_BadRequest", message);
  }

  static GraphError notFound(String id) {
    return new GraphError(
        404,
        "Request_ResourceNotFound",
        "Resource '"
            + id
            + "' does not exist or one of its queried reference-property objects are not present.");
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }
}
