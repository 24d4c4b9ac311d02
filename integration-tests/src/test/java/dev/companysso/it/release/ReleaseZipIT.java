package dev.companysso.it.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.companysso.harness.CompanySsoStack;
import dev.companysso.it.support.BrokeredLogin;
import dev.companysso.it.support.CompanySsoExtension;
import dev.companysso.it.support.UpstreamSignInPage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.info.ProviderRepresentation;

/**
 * The release zip, {@code company-sso-VERSION.zip}, as a user installs it: unzipped into a Keycloak
 * home. The shared test server is such a home: the build unzips the release into {@code
 * target/bundle} and every test server takes its {@code providers/} and {@code data/import/} from
 * there.
 */
@ExtendWith(CompanySsoExtension.class)
class ReleaseZipIT {

  private final Path zip = Path.of(System.getProperty("company-sso.release.zip"));
  private final Path unzipped = Path.of(System.getProperty("company-sso.bundle.dir"));
  private final String version = System.getProperty("company-sso.version");

  @Test
  @DisplayName(
      "The zip holds only what goes into a Keycloak home (providers/, data/import/) and its own folder company-sso/; every file matches company-sso/SHA256SUMS and the zip matches its .sha256")
  void layoutAndChecksums() throws Exception {
    List<String> entries = new ArrayList<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      file.stream().filter(entry -> !entry.isDirectory()).forEach(e -> entries.add(e.getName()));
    }
    assertThat(entries)
        .allMatch(
            name ->
                name.matches(
                        "providers/company-sso-[a-z-]+-" + version.replace(".", "\\.") + "\\.jar")
                    || name.startsWith("data/import/")
                    || name.startsWith("company-sso/"))
        .contains(
            "providers/company-sso-core-" + version + ".jar",
            "providers/company-sso-authenticator-" + version + ".jar",
            "providers/company-sso-identity-providers-" + version + ".jar",
            "data/import/workforce-realm.json",
            "company-sso/README.md",
            "company-sso/SHA256SUMS",
            "company-sso/manifests/acme.json");
    assertThat(entries.stream().filter(name -> name.startsWith("providers/"))).hasSize(8);

    Map<String, String> listed = new LinkedHashMap<>();
    for (String line : Files.readAllLines(unzipped.resolve("company-sso/SHA256SUMS"))) {
      String[] parts = line.split("\\s+\\*?", 2);
      listed.put(parts[1], parts[0]);
    }
    assertThat(listed.keySet())
        .containsExactlyInAnyOrderElementsOf(
            entries.stream().filter(name -> !name.equals("company-sso/SHA256SUMS")).toList());
    for (Map.Entry<String, String> file : listed.entrySet()) {
      assertThat(sha256(unzipped.resolve(file.getKey())))
          .as(file.getKey())
          .isEqualTo(file.getValue());
    }
    String zipSum =
        Files.readString(zip.resolveSibling(zip.getFileName() + ".sha256")).split("\\s+")[0];
    assertThat(sha256(zip)).isEqualTo(zipSum);
  }

  @Test
  @DisplayName(
      "Each provider JAR names the release in its manifest; Keycloak, installed from the zip, shows it in its server info, and a worker signs in through Acme's Okta (the walking skeleton)")
  void versionAndSignIn(CompanySsoStack stack) throws Exception {
    try (Stream<Path> jars = Files.list(unzipped.resolve("providers"))) {
      for (Path jar : jars.toList()) {
        try (JarFile file = new JarFile(jar.toFile())) {
          assertThat(file.getManifest().getMainAttributes().getValue("Implementation-Version"))
              .as(jar.getFileName().toString())
              .isEqualTo(version);
        }
      }
    }

    try (Keycloak admin = stack.keycloak().adminClient()) {
      Map<String, String> versions = new LinkedHashMap<>();
      admin
          .serverInfo()
          .getInfo()
          .getProviders()
          .forEach(
              (spi, info) ->
                  info.getProviders()
                      .forEach(
                          (id, provider) -> {
                            String named = releaseOf(provider);
                            if (named != null) {
                              versions.put(spi + "/" + id, named);
                            }
                          }));
      assertThat(versions)
          .as("providers that name the bundle's release")
          .containsKeys(
              "admin-realm-restapi-extension/company-sso",
              "admin-realm-restapi-extension/company-sso-identity-providers",
              "jpa-entity-provider/company-sso-indexes")
          .allSatisfy((provider, release) -> assertThat(release).isEqualTo(version));
    }

    JWTClaimsSet idToken =
        BrokeredLogin.signIn(
            stack, "acme-okta", UpstreamSignInPage.OKTA, "alice@acme.example", "alice-password");
    assertThat(idToken.getStringClaim("preferred_username")).isEqualTo("alice@acme.example");
  }

  private static String releaseOf(ProviderRepresentation provider) {
    Map<String, String> info = provider.getOperationalInfo();
    return info == null ? null : info.get("company-sso-version");
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[65536];
      for (int read; (read = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
