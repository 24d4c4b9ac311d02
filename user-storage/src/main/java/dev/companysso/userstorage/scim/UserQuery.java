package dev.companysso.userstorage.scim;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.UserModel;

/**
 * {@code GET /Users}: a filter that pins a user by an indexed key ({@code userName}, {@code id},
 * {@code externalId}, an e-mail; under {@code and}, or each side of an {@code or}) is answered from
 * those lookups; any other filter is evaluated over the company's members page by page. Either way
 * every candidate is checked against the whole filter and against the company boundary.
 */
final class UserQuery {

  /** One page of results and the total number of matches. */
  record Page(long total, List<UserModel> users) {}

  private static final int SCAN_BATCH = 500;

  private final ScimContext context;
  private final UserView view;

  UserQuery(ScimContext context, UserView view) {
    this.context = context;
    this.view = view;
  }

  /**
   * @param first 0-based index of the first result
   */
  Page search(Filter filter, int first, int count) throws ScimException {
    CompanyMembers members = new CompanyMembers(context);
    if (filter == null) {
      List<UserModel> users =
          count == 0
              ? List.of()
              : members.page(first, count).stream()
                  .map(id -> context.session.users().getUserById(context.realm, id))
                  .filter(context::visible)
                  .toList();
      return new Page(members.count(), users);
    }
    Optional<Map<String, UserModel>> candidates = candidates(filter);
    if (candidates.isPresent()) {
      List<UserModel> matches = new ArrayList<>();
      for (UserModel user : candidates.get().values()) {
        if (context.visible(user) && matches(filter, user)) {
          matches.add(user);
        }
      }
      List<UserModel> page =
          matches.subList(Math.min(first, matches.size()), Math.min(first + count, matches.size()));
      return new Page(matches.size(), page);
    }
    return scan(members, filter, first, count);
  }

  private Page scan(CompanyMembers members, Filter filter, int first, int count)
      throws ScimException {
    long matched = 0;
    List<UserModel> page = new ArrayList<>();
    for (int offset = 0; ; offset += SCAN_BATCH) {
      List<String> ids = members.page(offset, SCAN_BATCH);
      for (String id : ids) {
        UserModel user = context.session.users().getUserById(context.realm, id);
        if (user != null && matches(filter, user)) {
          if (matched >= first && page.size() < count) {
            page.add(user);
          }
          matched++;
        }
      }
      if (ids.size() < SCAN_BATCH) {
        return new Page(matched, page);
      }
    }
  }

  private boolean matches(Filter filter, UserModel user) throws ScimException {
    return FilterEvaluator.evaluate(filter, ScimJson.tree(view.of(user)));
  }

  /** Users found by indexed lookups that include every match; empty when a scan is needed. */
  private Optional<Map<String, UserModel>> candidates(Filter filter) {
    if (filter.getFilterType() == FilterType.AND) {
      for (Filter part : filter.getCombinedFilters()) {
        Optional<Map<String, UserModel>> found = candidates(part);
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    }
    if (filter.getFilterType() == FilterType.OR) {
      Map<String, UserModel> union = new LinkedHashMap<>();
      for (Filter part : filter.getCombinedFilters()) {
        Optional<Map<String, UserModel>> found = candidates(part);
        if (found.isEmpty()) {
          return Optional.empty();
        }
        union.putAll(found.get());
      }
      return Optional.of(union);
    }
    if (filter.getFilterType() == FilterType.COMPLEX_VALUE) {
      return emailInside(filter);
    }
    if (filter.getFilterType() != FilterType.EQUAL || !filter.getComparisonValue().isTextual()) {
      return Optional.empty();
    }
    String value = filter.getComparisonValue().asText();
    return switch (key(filter.getAttributePath())) {
      case "username" -> one(byUsername(value));
      case "id" -> one(context.session.users().getUserById(context.realm, value));
      case "externalid" -> one(byExternalId(value));
      case "emails", "emails.value" -> one(byEmail(value));
      default -> Optional.empty();
    };
  }

  /** {@code emails[type eq "work" and value eq "x"]}: the e-mail pins the user. */
  private Optional<Map<String, UserModel>> emailInside(Filter filter) {
    if (!key(filter.getAttributePath()).equals("emails")) {
      return Optional.empty();
    }
    List<Filter> parts =
        filter.getValueFilter().getFilterType() == FilterType.AND
            ? filter.getValueFilter().getCombinedFilters()
            : List.of(filter.getValueFilter());
    return parts.stream()
        .filter(p -> p.getFilterType() == FilterType.EQUAL && p.getComparisonValue().isTextual())
        .filter(p -> key(p.getAttributePath()).equals("value"))
        .findFirst()
        .flatMap(p -> one(byEmail(p.getComparisonValue().asText())));
  }

  private UserModel byUsername(String userName) {
    return context
        .session
        .users()
        .getUserByUsername(context.realm, userName.strip().toLowerCase(Locale.ROOT));
  }

  private UserModel byEmail(String email) {
    return context
        .session
        .users()
        .getUserByEmail(context.realm, email.strip().toLowerCase(Locale.ROOT));
  }

  private UserModel byExternalId(String externalId) {
    if (context.settings.identityProvider() == null) {
      return null;
    }
    return context
        .session
        .users()
        .getUserByFederatedIdentity(
            context.realm,
            new FederatedIdentityModel(
                context.settings.identityProvider().getAlias(), externalId, null));
  }

  private static Optional<Map<String, UserModel>> one(UserModel user) {
    Map<String, UserModel> found = new LinkedHashMap<>();
    if (user != null) {
      found.put(user.getId(), user);
    }
    return Optional.of(found);
  }

  /** {@code userName}, {@code emails.value}: the attribute path without schema, lower-cased. */
  static String key(Path path) {
    StringBuilder key = new StringBuilder();
    for (Path.Element element : path) {
      if (key.length() > 0) {
        key.append('.');
      }
      key.append(element.getAttribute());
    }
    return key.toString().toLowerCase(Locale.ROOT);
  }
}
