package dev.companysso.benchmarks;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.keycloak.cache.AlternativeLookupProvider;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderStorageProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * The smallest realm, user and session both kinds of mapper run against, in memory: role lookups by
 * name and a user's role mappings and attributes. Both kinds get the very same models, so the
 * difference measured is the mappers' own work, not storage.
 */
final class InMemoryModels {

  private final Map<String, RoleModel> roles = new HashMap<>();
  final RealmModel realm;
  final KeycloakSession session;

  InMemoryModels(List<String> roleNames) {
    realm =
        stub(
            RealmModel.class,
            (method, args) ->
                switch (method) {
                  case "getRole" -> roles.get((String) args[0]);
                  case "getName", "getId" -> "benchmark";
                  case "getClientByClientId" -> null;
                  default -> unsupported(RealmModel.class, method);
                });
    for (String name : roleNames) {
      roles.put(name, role(name));
    }
    AlternativeLookupProvider lookup =
        stub(
            AlternativeLookupProvider.class,
            (method, args) ->
                switch (method) {
                  case "lookupRoleFromString" -> roles.get((String) args[1]);
                  default -> unsupported(AlternativeLookupProvider.class, method);
                });
    IdentityProviderStorageProvider identityProviders =
        stub(
            IdentityProviderStorageProvider.class,
            (method, args) ->
                switch (method) {
                  case "getMapperById" -> new IdentityProviderMapperModel();
                  default -> unsupported(IdentityProviderStorageProvider.class, method);
                });
    session =
        stub(
            KeycloakSession.class,
            (method, args) ->
                switch (method) {
                  case "getProvider" ->
                      args[0] == AlternativeLookupProvider.class
                          ? lookup
                          : unsupported(KeycloakSession.class, "getProvider " + args[0]);
                  case "identityProviders" -> identityProviders;
                  default -> unsupported(KeycloakSession.class, method);
                });
  }

  /** A user with no roles yet: role mappings and attributes kept in memory. */
  UserModel newUser() {
    Set<RoleModel> mapped = new HashSet<>();
    Map<String, List<String>> attributes = new HashMap<>();
    return stub(
        UserModel.class,
        (method, args) ->
            switch (method) {
              case "hasDirectRole" -> mapped.contains((RoleModel) args[0]);
              case "grantRole" -> mapped.add((RoleModel) args[0]) ? null : null;
              case "deleteRoleMapping" -> mapped.remove((RoleModel) args[0]) ? null : null;
              case "getAttributeStream" -> {
                List<String> values = attributes.get((String) args[0]);
                yield values == null ? Stream.empty() : values.stream();
              }
              case "getAttributes" -> attributes;
              case "setAttribute" -> {
                @SuppressWarnings("unchecked")
                List<String> values = (List<String>) args[1];
                attributes.put((String) args[0], List.copyOf(values));
                yield null;
              }
              case "removeAttribute" -> attributes.remove((String) args[0]) == null ? null : null;
              case "getRoleMappingsStream" -> mapped.stream();
              case "getUsername" -> "benchmark-user";
              default -> unsupported(UserModel.class, method);
            });
  }

  static int roleCount(UserModel user) {
    return (int) user.getRoleMappingsStream().count();
  }

  private RoleModel role(String name) {
    return stub(
        RoleModel.class,
        (method, args) ->
            switch (method) {
              case "getName", "getId" -> name;
              case "isClientRole" -> false;
              default -> unsupported(RoleModel.class, method);
            });
  }

  interface Handler {
    Object invoke(String method, Object[] args);
  }

  @SuppressWarnings("unchecked")
  static <T> T stub(Class<T> type, Handler handler) {
    return (T)
        Proxy.newProxyInstance(
            InMemoryModels.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "equals" -> proxy == args[0];
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "toString" -> type.getSimpleName();
                  default -> handler.invoke(method.getName(), args);
                });
  }

  static Object unsupported(Class<?> type, String method) {
    throw new UnsupportedOperationException(type.getSimpleName() + "." + method);
  }
}
