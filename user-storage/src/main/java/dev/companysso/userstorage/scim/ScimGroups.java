package dev.companysso.userstorage.scim;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.keycloak.models.GroupModel;
import org.keycloak.models.UserModel;

/** {@code /Groups} of one company. */
public final class ScimGroups {

  private final ScimCall call;

  ScimGroups(ScimCall call) {
    this.call = call;
  }

  @GET
  public Response list(
      @QueryParam("filter") String filter,
      @QueryParam("startIndex") String startIndex,
      @QueryParam("count") String count,
      @QueryParam("excludedAttributes") String excluded) {
    return call.run(
        context -> {
          Paging paging = Paging.of(startIndex, count);
          CompanyGroups groups = new CompanyGroups(context);
          GroupView view = new GroupView(context);
          Filter parsed = filter == null ? null : ScimFilters.parse(filter);
          boolean withMembers = !excludes(excluded, "members");
          List<GroupResource> matches = new ArrayList<>();
          for (GroupModel group : candidates(groups, parsed).toList()) {
            GroupResource resource = view.of(group, withMembers || mentionsMembers(parsed));
            if (parsed == null || FilterEvaluator.evaluate(parsed, ScimJson.tree(resource))) {
              matches.add(withMembers ? resource : view.of(group, false));
            }
          }
          int from = Math.min(paging.startIndex() - 1, matches.size());
          List<GroupResource> page =
              matches.subList(from, Math.min(from + paging.count(), matches.size()));
          return ScimJson.answer(
              200, new ListResponse<>(matches.size(), page, paging.startIndex(), page.size()));
        });
  }

  @POST
  public Response create(String body) {
    return call.run(
        context -> {
          GroupResource desired = ScimJson.read(ScimJson.object(body), GroupResource.class);
          CompanyGroups groups = new CompanyGroups(context);
          Set<UserModel> members = groups.users(desired.getMembers());
          GroupModel group = groups.create(desired.getDisplayName(), desired.getExternalId());
          members.forEach(user -> user.joinGroup(group));
          new MembershipRules(context, groups).refresh(members);
          return ScimUsers.created(new GroupView(context).of(group, true));
        });
  }

  @GET
  @Path("{id}")
  public Response get(
      @PathParam("id") String id, @QueryParam("excludedAttributes") String excluded) {
    return call.run(
        context ->
            ScimJson.answer(
                200,
                new GroupView(context)
                    .of(new CompanyGroups(context).get(id), !excludes(excluded, "members"))));
  }

  @PUT
  @Path("{id}")
  public Response replace(@PathParam("id") String id, String body) {
    return call.run(
        context -> {
          CompanyGroups groups = new CompanyGroups(context);
          GroupModel group = groups.get(id);
          GroupPatch patch = new GroupPatch(groups, group);
          patch.apply(PatchRequests.replaceAll(ScimJson.object(body)));
          refresh(context, groups, group, patch);
          return ScimJson.answer(200, new GroupView(context).of(group, true));
        });
  }

  @PATCH
  @Path("{id}")
  public Response patch(@PathParam("id") String id, String body) {
    return call.run(
        context -> {
          CompanyGroups groups = new CompanyGroups(context);
          GroupModel group = groups.get(id);
          GroupPatch patch = new GroupPatch(groups, group);
          patch.apply(PatchRequests.parse(body));
          refresh(context, groups, group, patch);
          return ScimJson.answer(200, new GroupView(context).of(group, true));
        });
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    return call.run(
        context -> {
          CompanyGroups groups = new CompanyGroups(context);
          GroupModel group = groups.get(id);
          Set<UserModel> members = members(groups, group);
          context.session.groups().removeGroup(context.realm, group);
          new MembershipRules(context, groups).refresh(members);
          return Response.noContent().build();
        });
  }

  private static void refresh(
      ScimContext context, CompanyGroups groups, GroupModel group, GroupPatch patch) {
    Set<UserModel> affected = new LinkedHashSet<>(patch.affected());
    if (patch.renamed()) {
      affected.addAll(members(groups, group));
    }
    new MembershipRules(context, groups).refresh(affected);
  }

  private static Set<UserModel> members(CompanyGroups groups, GroupModel group) {
    Set<UserModel> members = new LinkedHashSet<>();
    groups.memberIds(group).forEach(id -> members.add(groups.user(id)));
    return members;
  }

  /** Indexed lookups for {@code displayName eq}, {@code externalId eq} and {@code id eq}. */
  private static Stream<GroupModel> candidates(CompanyGroups groups, Filter filter)
      throws ScimException {
    if (filter == null
        || filter.getFilterType() != FilterType.EQUAL
        || !filter.getComparisonValue().isTextual()) {
      return groups.all();
    }
    String value = filter.getComparisonValue().asText();
    return switch (UserQuery.key(filter.getAttributePath())) {
      case "displayname" -> groups.byDisplayName(value);
      case "externalid" -> groups.byExternalId(value);
      case "id" -> {
        try {
          yield Stream.of(groups.get(value));
        } catch (ScimException e) {
          yield Stream.empty();
        }
      }
      default -> groups.all();
    };
  }

  private static boolean mentionsMembers(Filter filter) {
    return filter != null && filter.toString().toLowerCase(Locale.ROOT).contains("members");
  }

  private static boolean excludes(String excludedAttributes, String attribute) {
    if (excludedAttributes == null) {
      return false;
    }
    for (String name : excludedAttributes.split(",")) {
      if (name.strip().equalsIgnoreCase(attribute)) {
        return true;
      }
    }
    return false;
  }
}
