package dev.companysso.userstorage.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.UserResource;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.UserModel;

/** {@code /Users} of one company. */
public final class ScimUsers {

  private final ScimCall call;

  ScimUsers(ScimCall call) {
    this.call = call;
  }

  @GET
  public Response list(
      @QueryParam("filter") String filter,
      @QueryParam("startIndex") String startIndex,
      @QueryParam("count") String count) {
    return call.run(
        context -> {
          Paging paging = Paging.of(startIndex, count);
          UserView view = new UserView(context);
          UserQuery.Page page =
              new UserQuery(context, view)
                  .search(
                      filter == null ? null : ScimFilters.parse(filter),
                      paging.startIndex() - 1,
                      paging.count());
          return ScimJson.answer(
              200,
              new ListResponse<>(
                  (int) page.total(),
                  page.users().stream().map(view::of).toList(),
                  paging.startIndex(),
                  page.users().size()));
        });
  }

  @POST
  public Response create(String body) {
    return call.run(
        context -> {
          UserResource desired = ScimJson.read(ScimJson.object(body), UserResource.class);
          UserModel user = new UserWriter(context).create(desired);
          return created(new UserView(context).of(user));
        });
  }

  @GET
  @Path("{id}")
  public Response get(@PathParam("id") String id) {
    return call.run(context -> ScimJson.answer(200, new UserView(context).of(context.user(id))));
  }

  @PUT
  @Path("{id}")
  public Response replace(@PathParam("id") String id, String body) {
    return call.run(
        context -> {
          UserModel user = context.user(id);
          ObjectNode request = ScimJson.object(body);
          if (request.hasNonNull("id") && !request.get("id").asText().equals(id)) {
            throw BadRequestException.mutability("id: cannot be changed.");
          }
          UserView view = new UserView(context);
          new UserWriter(context).write(user, UserPatch.put(view.of(user), request));
          return ScimJson.answer(200, view.of(user));
        });
  }

  @PATCH
  @Path("{id}")
  public Response patch(@PathParam("id") String id, String body) {
    return call.run(
        context -> {
          UserModel user = context.user(id);
          UserView view = new UserView(context);
          UserResource patched = UserPatch.apply(view.of(user), PatchRequests.parse(body));
          new UserWriter(context).write(user, patched);
          return ScimJson.answer(200, view.of(user));
        });
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    return call.run(
        context -> {
          new UserWriter(context).delete(context.user(id));
          return Response.noContent().build();
        });
  }

  static Response created(com.unboundid.scim2.common.BaseScimResource resource) {
    return Response.fromResponse(ScimJson.answer(201, resource))
        .header(HttpHeaders.LOCATION, resource.getMeta().getLocation())
        .build();
  }
}
