package dev.companysso.it.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The bundle, as released, links against the Keycloak the tests run on ({@code
 * -Dkeycloak.version}): every Keycloak method and field it uses exists there with the same types,
 * but for those it calls only when {@code KeycloakFeatures} finds them.
 */
class BundleLinkageIT {

  /** Called only behind {@code KeycloakFeatures}: missing from Keycloak before 26.6. */
  private static final List<String> GUARDED =
      List.of(
          "org/keycloak/organization/OrganizationProvider.createGroup(",
          "org/keycloak/organization/OrganizationProvider.searchGroupsByAttributes(",
          "org/keycloak/organization/OrganizationProvider.searchGroupsByName(",
          "org/keycloak/organization/OrganizationProvider.getOrganizationGroupsByMember(",
          "org/keycloak/models/utils/KeycloakModelUtils.findGroupByPath(Lorg/keycloak/models/KeycloakSession;Lorg/keycloak/models/RealmModel;Lorg/keycloak/models/OrganizationModel;",
          "org/keycloak/services/resources/admin/fgap/AdminPermissionEvaluator.orgs(",
          "org/keycloak/services/resources/admin/fgap/OrganizationPermissionEvaluator.",
          "org/keycloak/models/OrganizationModel$OrganizationRemovedEvent.");

  private final Path distribution = Path.of(System.getProperty("keycloak.dist.dir"));
  private final Path providers =
      Path.of(System.getProperty("company-sso.bundle.dir")).resolve("providers");

  @Test
  @DisplayName(
      "Every Keycloak method and field the bundle uses links against this distribution, but those behind KeycloakFeatures")
  void linksAgainstThisKeycloak() throws Exception {
    Set<String> unresolved = new ServerLinkage(distribution).unresolved(providers);
    unresolved.removeIf(reference -> GUARDED.stream().anyMatch(reference::startsWith));
    assertThat(unresolved)
        .as("references Keycloak %s cannot link", System.getProperty("keycloak.version"))
        .isEmpty();
  }
}
