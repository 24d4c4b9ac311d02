package dev.companysso.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.harness.ClusterStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The container recipe and the Operator resource in {@code deploy/} stay what the tests run: no
 * container engine or Kubernetes here, so their build options, Keycloak version and release files
 * are checked against the cluster tests' own and the release zip's.
 */
class DeployRecipesTest {

  private static final Path ROOT = Path.of("..");

  @Test
  @DisplayName(
      "The Containerfile builds the newest tested Keycloak with exactly the cluster tests' build options, from the release zip, checked by its checksums")
  void containerfile() throws Exception {
    String recipe = Files.readString(ROOT.resolve("deploy/Containerfile"));
    assertThat(first(recipe, "ARG KEYCLOAK_VERSION=(\\S+)")).isEqualTo(newestTestedKeycloak());
    List<String> buildEnvironment =
        ClusterStack.BUILD_OPTIONS.stream()
            .map(
                option -> {
                  String[] parts = option.substring(2).split("=", 2);
                  return "KC_"
                      + parts[0].toUpperCase(Locale.ROOT).replace('-', '_')
                      + "="
                      + parts[1];
                })
            .toList();
    Matcher env = Pattern.compile("(?m)^ENV ((?:.*\\\\\\n)*.*)$").matcher(recipe);
    assertThat(env.find()).isTrue();
    assertThat(env.group(1).replace("\\\n", " ").trim().split("\\s+"))
        .containsExactlyInAnyOrderElementsOf(buildEnvironment);
    assertThat(recipe)
        .contains("sha256sum -c company-sso-${COMPANY_SSO_VERSION}.zip.sha256")
        .contains("sha256sum -c company-sso/SHA256SUMS")
        .contains("/release/home/providers/ /opt/keycloak/providers/")
        .contains("RUN /opt/keycloak/bin/kc.sh build")
        .contains("CMD [\"start\", \"--optimized\"]");
  }

  @Test
  @DisplayName(
      "The Operator's Keycloak resource starts that image optimized, on PostgreSQL, with one hostname and proxy headers")
  void operatorResource() throws Exception {
    String resource = Files.readString(ROOT.resolve("deploy/keycloak.yaml"));
    assertThat(resource)
        .contains("kind: Keycloak")
        .contains("startOptimized: true")
        .contains("vendor: postgres")
        .contains("hostname: https://")
        .contains("headers: xforwarded")
        .containsPattern("instances: [2-9]");
  }

  private static String newestTestedKeycloak() throws Exception {
    return first(Files.readString(ROOT.resolve("pom.xml")), "<keycloak.version>([^<]+)<");
  }

  private static String first(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.find()).as(regex).isTrue();
    return matcher.group(1);
  }
}
