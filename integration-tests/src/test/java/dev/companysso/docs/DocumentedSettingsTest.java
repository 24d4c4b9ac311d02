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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
 *
 * <p>A setting's label and help text are message keys, which the admin console translates with the
 * messages the provider JARs ship in {@code theme-resources/messages/messages_<locale>.properties}
 * (all JARs' files merge into one set of keys). The console label the docs name is the English text
 * of the label key.
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

  /** The admin console's languages the bundle ships messages for; English first. */
  private static final List<String> LOCALES = List.of("en", "de", "fr", "es");

  private static final String MESSAGES = "theme-resources/messages/messages_%s.properties";

  /** Each locale's messages of all the bundle's JARs, merged as Keycloak merges them. */
  private static final Map<String, Properties> MESSAGES_BY_LOCALE = loadMessages();

  record Setting(String providerId, String key, String labelKey, String helpKey) {
    /** The console label in English, the one the docs name; null when the key has no text. */
    String label() {
      return MESSAGES_BY_LOCALE.get("en").getProperty(labelKey);
    }

    @Override
    public String toString() {
      return providerId + ": " + key + " (" + labelKey + ")";
    }
  }

  static Stream<Setting> settings() {
    List<Setting> settings = new ArrayList<>();
    for (ConfiguredProvider provider : bundleProviders()) {
      String id = ((ProviderFactory<?>) provider).getId();
      for (ProviderConfigProperty property : provider.getConfigProperties()) {
        settings.add(
            new Setting(id, property.getName(), property.getLabel(), property.getHelpText()));
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
    assertThat(setting.label())
        .as(
            "the English text of the label key %s (messages_en.properties of the providers' JARs)",
            setting.labelKey())
        .isNotBlank();
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  @DisplayName("A setting's label and help text are message keys with a text in en, de, fr and es")
  void translated(Setting setting) {
    for (String locale : LOCALES) {
      Properties messages = MESSAGES_BY_LOCALE.get(locale);
      assertThat(messages.getProperty(setting.labelKey()))
          .as("label %s in messages_%s.properties", setting.labelKey(), locale)
          .isNotBlank();
      assertThat(messages.getProperty(setting.helpKey()))
          .as("help text %s in messages_%s.properties", setting.helpKey(), locale)
          .isNotBlank();
    }
  }

  /**
   * The admin console looks the texts up with i18next, which reads '.' as a key path separator and
   * ':' as a namespace separator: a key with either would never be found.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  @DisplayName("A setting's message keys have no '.' or ':'; the help key is the label key + Help")
  void messageKeys(Setting setting) {
    assertThat(setting.labelKey()).as("label key").isNotBlank().doesNotContain(".", ":");
    assertThat(setting.helpKey()).as("help key").isEqualTo(setting.labelKey() + "Help");
  }

  @Test
  @DisplayName("No message key is defined by two of the bundle's message files")
  void messageKeysUnique() {
    for (String locale : LOCALES) {
      Map<String, URL> firstFile = new LinkedHashMap<>();
      for (URL url : messageFiles(locale)) {
        for (String key : read(url).stringPropertyNames()) {
          URL earlier = firstFile.putIfAbsent(key, url);
          assertThat(earlier).as("%s in both %s and %s", key, earlier, url).isNull();
        }
      }
    }
  }

  private static Map<String, Properties> loadMessages() {
    Map<String, Properties> byLocale = new LinkedHashMap<>();
    for (String locale : LOCALES) {
      Properties merged = new Properties();
      messageFiles(locale).forEach(url -> merged.putAll(read(url)));
      byLocale.put(locale, merged);
    }
    return byLocale;
  }

  private static List<URL> messageFiles(String locale) {
    try {
      return Collections.list(
          DocumentedSettingsTest.class
              .getClassLoader()
              .getResources(String.format(MESSAGES, locale)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** As Keycloak reads a theme's messages: properties in UTF-8. */
  private static Properties read(URL url) {
    Properties properties = new Properties();
    try (InputStreamReader reader =
        new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
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
