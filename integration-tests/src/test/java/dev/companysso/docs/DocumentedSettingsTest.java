package dev.companysso.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.broker.provider.IdentityProviderFactory;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.provider.ConfiguredProvider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.storage.UserStorageProviderFactory;

/**
 * Every setting a provider of the bundle declares (what the admin console shows as a form field and
 * what realm JSON and the admin REST API carry as a config key) has a row in a reference table of
 * the docs: a line of a Markdown table that names the key in backticks and the console label.
 */
@DisplayName("Reference tables in docs/")
class DocumentedSettingsTest {

  /** The SPIs whose factories declare settings. */
  private static final List<Class<?>> CONFIGURED_SPIS =
      List.of(
          AuthenticatorFactory.class,
          IdentityProviderFactory.class,
          IdentityProviderMapper.class,
          UserStorageProviderFactory.class);

  private static final Path DOCS = Path.of("..", "docs");

  record Setting(String providerId, String key, String label) {
    @Override
    public String toString() {
      return providerId + ": " + key + " (" + label + ")";
    }
  }

  static Stream<Setting> settings() {
    List<Setting> settings = new ArrayList<>();
    for (ConfiguredProvider provider : bundleProviders()) {
      String id = ((ProviderFactory<?>) provider).getId();
      for (ProviderConfigProperty property : provider.getConfigProperties()) {
        settings.add(new Setting(id, property.getName(), property.getLabel()));
      }
    }
    return settings.stream();
  }

  @Test
  @DisplayName("The bundle's configurable providers are found (the check below is not empty)")
  void providersFound() {
    assertThat(bundleProviders().stream().map(p -> ((ProviderFactory<?>) p).getId()))
        .contains(
            "company-discovery",
            "company-deep-link",
            "company-jit-provisioning",
            "okta",
            "entra-id",
            "company-group-role-mapper",
            "okta-directory",
            "entra-directory");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  @DisplayName("A declared setting has a reference row with its key and console label")
  void documented(Setting setting) {
    List<String> rows =
        referenceRows().stream().filter(row -> row.contains("`" + setting.key() + "`")).toList();
    assertThat(rows)
        .as(
            "a row of a Markdown table in docs/*.md naming `%s` (%s of %s)",
            setting.key(), setting.label(), setting.providerId())
        .isNotEmpty();
    assertThat(rows)
        .as("the row of `%s` names its console label \"%s\"", setting.key(), setting.label())
        .anySatisfy(row -> assertThat(row).contains(setting.label()));
  }

  private static List<String> referenceRows() {
    try (Stream<Path> files = Files.list(DOCS)) {
      List<String> rows = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
        Files.readAllLines(file).stream().filter(line -> line.startsWith("|")).forEach(rows::add);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bundle's factories as Keycloak finds them: through their JARs' service files. */
  private static List<ConfiguredProvider> bundleProviders() {
    List<ConfiguredProvider> providers = new ArrayList<>();
    ClassLoader loader = DocumentedSettingsTest.class.getClassLoader();
    for (Class<?> spi : CONFIGURED_SPIS) {
      for (String className : serviceEntries(loader, spi)) {
        if (!className.startsWith("dev.companysso.")) {
          continue;
        }
        try {
          Object factory =
              Class.forName(className, true, loader).getDeclaredConstructor().newInstance();
          if (factory instanceof ConfiguredProvider configured) {
            providers.add(configured);
          }
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("Cannot create " + className, e);
        }
      }
    }
    return providers;
  }

  private static List<String> serviceEntries(ClassLoader loader, Class<?> spi) {
    List<String> entries = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources("META-INF/services/" + spi.getName()))) {
        try (BufferedReader reader =
            new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
          reader
              .lines()
              .map(String::strip)
              .filter(l -> !l.isEmpty() && !l.startsWith("#"))
              .forEach(entries::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }
}
