package dev.companysso.userstorage.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.UserResource;
import java.util.Locale;

/**
 * Applies a PATCH to a user's SCIM form with the SCIM library, where the clients' habits differ
 * from the library's strict reading of RFC 7644: {@code add} to {@code emails[type eq
 * "work"].value} when that address exists replaces it; {@code replace} of such a path when no
 * address of that type exists adds one; {@code active} sent as the string {@code "False"}; the
 * enterprise {@code manager} sent as a plain id instead of {@code {"value": id}}.
 */
final class UserPatch {

  static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private UserPatch() {}

  /** The user's SCIM form after {@code request}; the caller writes it back. */
  static UserResource apply(UserResource current, PatchRequest request) throws ScimException {
    ObjectNode node = ScimJson.tree(current);
    for (PatchOperation operation : request.getOperations()) {
      applyOne(node, operation);
    }
    normalize(node);
    return ScimJson.read(node, UserResource.class);
  }

  /**
   * The user's SCIM form after a PUT of {@code request}: each attribute the request carries
   * replaces the current one (a {@code null} clears it); an attribute it leaves out stays. Okta's
   * app profile may not know the department a login or an admin set: its PUT must not erase it.
   */
  static UserResource put(UserResource current, ObjectNode request) throws ScimException {
    ObjectNode node = ScimJson.tree(current);
    request
        .fields()
        .forEachRemaining(
            field -> {
              if (!field.getKey().equalsIgnoreCase("id")
                  && !field.getKey().equalsIgnoreCase("meta")) {
                node.set(field.getKey(), field.getValue());
              }
            });
    normalize(node);
    return ScimJson.read(node, UserResource.class);
  }

  private static void applyOne(ObjectNode node, PatchOperation operation) throws ScimException {
    try {
      operation.apply(node);
    } catch (BadRequestException e) {
      PatchOperation retry = lenient(node, operation);
      if (retry == null) {
        throw e;
      }
      retry.apply(node);
    }
  }

  /** The operation clients meant, when the strict one failed on a value-filtered path. */
  private static PatchOperation lenient(ObjectNode node, PatchOperation operation)
      throws ScimException {
    Path path = operation.getPath();
    if (path == null || path.size() != 2 || path.getElement(0).getValueFilter() == null) {
      return null;
    }
    Path.Element attribute = path.getElement(0);
    Filter filter = attribute.getValueFilter();
    boolean matches = hasMatch(node, path, filter);
    if (operation.getOpType() == PatchOpType.ADD && matches) {
      return PatchOperation.replace(path, operation.getJsonNode());
    }
    if (operation.getOpType() != PatchOpType.REMOVE
        && !matches
        && filter.isComparisonFilter()
        && filter.getFilterType().getStringValue().equals("eq")) {
      // emails[type eq "work"].value = x with no work address: add {"type": "work", "value": x}.
      ObjectNode element = JsonNodeFactory.instance.objectNode();
      element.set(filter.getAttributePath().toString(), filter.getComparisonValue());
      element.set(path.getElement(1).getAttribute(), operation.getJsonNode());
      return PatchOperation.add(
          root(path).attribute(attribute.getAttribute()),
          JsonNodeFactory.instance.arrayNode().add(element));
    }
    return null;
  }

  private static boolean hasMatch(ObjectNode node, Path path, Filter filter) {
    try {
      // The library answers NullNode (not MissingNode) when nothing matches.
      JsonNode found =
          new GenericScimResource(node)
              .getValue(root(path).attribute(path.getElement(0).getAttribute(), filter));
      return !found.isMissingNode()
          && !found.isNull()
          && !(found.isContainerNode() && found.isEmpty());
    } catch (ScimException e) {
      return false;
    }
  }

  private static Path root(Path path) {
    return path.getSchemaUrn() == null ? Path.root() : Path.root(path.getSchemaUrn());
  }

  private static void normalize(ObjectNode node) throws BadRequestException {
    JsonNode active = node.get("active");
    if (active != null && active.isTextual()) {
      switch (active.asText().strip().toLowerCase(Locale.ROOT)) {
        case "true" -> node.set("active", BooleanNode.TRUE);
        case "false" -> node.set("active", BooleanNode.FALSE);
        default ->
            throw BadRequestException.invalidValue(
                "active: '" + active.asText() + "' is not true or false.");
      }
    }
    JsonNode enterprise = node.get(ENTERPRISE);
    if (enterprise instanceof ObjectNode extension) {
      JsonNode manager = extension.get("manager");
      if (manager != null && manager.isArray()) {
        manager = manager.isEmpty() ? null : manager.get(0);
        extension.set("manager", manager);
      }
      if (manager != null && manager.isValueNode()) {
        ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
        wrapped.set("value", manager);
        extension.set("manager", manager.asText().isBlank() ? null : wrapped);
      }
      if (extension.get("manager") != null && extension.get("manager").isNull()) {
        extension.remove("manager");
      }
    }
  }
}
