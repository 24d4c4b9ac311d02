package dev.companysso.userstorage.scim;

import com.unboundid.scim2.common.exceptions.NotImplementedException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.AuthenticationScheme;
import com.unboundid.scim2.common.types.BulkConfig;
import com.unboundid.scim2.common.types.ChangePasswordConfig;
import com.unboundid.scim2.common.types.ETagConfig;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.FilterConfig;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Meta;
import com.unboundid.scim2.common.types.PatchConfig;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.SortConfig;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.SchemaUtils;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.beans.IntrospectionException;
import java.net.URI;
import java.util.List;

/**
 * One company's SCIM service ({@code …/company-scim/{company}/v2}): the resource endpoints and the
 * discovery documents RFC 7643 §5–7 defines, generated from the SCIM library's annotated types.
 */
public final class ScimService {

  private static final URI USER_SCHEMA = URI.create(SchemaUtils.getSchemaUrn(UserResource.class));
  private static final URI GROUP_SCHEMA = URI.create(SchemaUtils.getSchemaUrn(GroupResource.class));
  private static final URI ENTERPRISE_SCHEMA =
      URI.create(SchemaUtils.getSchemaUrn(EnterpriseUserExtension.class));

  private final ScimCall call;

  ScimService(ScimCall call) {
    this.call = call;
  }

  @Path("Users")
  public ScimUsers users() {
    return new ScimUsers(call);
  }

  @Path("Groups")
  public ScimGroups groups() {
    return new ScimGroups(call);
  }

  /**
   * Bulk operations are not offered (ServiceProviderConfig says so); answered as SCIM, not HTML.
   */
  @POST
  @Path("Bulk")
  public Response bulk() {
    return call.run(
        context -> {
          throw new NotImplementedException("Bulk operations are not supported.");
        });
  }

  @GET
  @Path("Me")
  public Response me() {
    return call.run(
        context -> {
          throw new NotImplementedException(
              "/Me is not supported: the bearer token stands for a company, not a user.");
        });
  }

  @GET
  @Path("ServiceProviderConfig")
  public Response serviceProviderConfig() {
    return call.run(
        context -> {
          ServiceProviderConfigResource config =
              new ServiceProviderConfigResource(
                  "https://github.com/company-sso/company-sso/blob/main/docs/scim.md",
                  new PatchConfig(true),
                  new BulkConfig(false, 0, 0),
                  new FilterConfig(true, Paging.MAX_COUNT),
                  new ChangePasswordConfig(false),
                  new SortConfig(false),
                  new ETagConfig(false),
                  List.of(AuthenticationScheme.createOAuth2BearerToken(true)));
          config.setMeta(
              new Meta()
                  .setResourceType("ServiceProviderConfig")
                  .setLocation(context.location("ServiceProviderConfig")));
          return ScimJson.answer(200, config);
        });
  }

  @GET
  @Path("ResourceTypes")
  public Response resourceTypes() {
    return call.run(
        context -> {
          List<ResourceTypeResource> types = resourceTypes(context);
          return ScimJson.answer(200, new ListResponse<>(types.size(), types, 1, types.size()));
        });
  }

  @GET
  @Path("ResourceTypes/{name}")
  public Response resourceType(@PathParam("name") String name) {
    return call.run(
        context ->
            ScimJson.answer(
                200,
                resourceTypes(context).stream()
                    .filter(type -> type.getId().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new ResourceNotFoundException("No resource type " + name))));
  }

  @GET
  @Path("Schemas")
  public Response schemas() {
    return call.run(
        context -> {
          List<SchemaResource> schemas = schemas(context);
          return ScimJson.answer(
              200, new ListResponse<>(schemas.size(), schemas, 1, schemas.size()));
        });
  }

  @GET
  @Path("Schemas/{urn}")
  public Response schema(@PathParam("urn") String urn) {
    return call.run(
        context ->
            ScimJson.answer(
                200,
                schemas(context).stream()
                    .filter(schema -> schema.getId().equals(urn))
                    .findFirst()
                    .orElseThrow(() -> new ResourceNotFoundException("No schema " + urn))));
  }

  private static List<ResourceTypeResource> resourceTypes(ScimContext context) {
    ResourceTypeResource users =
        new ResourceTypeResource(
            "User",
            "User",
            "A person of the company",
            URI.create("/Users"),
            USER_SCHEMA,
            List.of(new ResourceTypeResource.SchemaExtension(ENTERPRISE_SCHEMA, false)));
    ResourceTypeResource groups =
        new ResourceTypeResource(
            "Group",
            "Group",
            "A group of the company",
            URI.create("/Groups"),
            GROUP_SCHEMA,
            List.of());
    users.setMeta(
        new Meta()
            .setResourceType("ResourceType")
            .setLocation(context.location("ResourceTypes", "User")));
    groups.setMeta(
        new Meta()
            .setResourceType("ResourceType")
            .setLocation(context.location("ResourceTypes", "Group")));
    return List.of(users, groups);
  }

  private static List<SchemaResource> schemas(ScimContext context) {
    try {
      List<SchemaResource> schemas =
          List.of(
              SchemaUtils.getSchema(UserResource.class),
              SchemaUtils.getSchema(EnterpriseUserExtension.class),
              SchemaUtils.getSchema(GroupResource.class));
      schemas.forEach(
          schema ->
              schema.setMeta(
                  new Meta()
                      .setResourceType("Schema")
                      .setLocation(context.location("Schemas", schema.getId()))));
      return schemas;
    } catch (IntrospectionException e) {
      throw new IllegalStateException("The SCIM library's schema annotations cannot be read", e);
    }
  }
}
