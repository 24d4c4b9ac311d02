package dev.companysso.userstorage.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.companysso.userstorage.directory.graph.EntraDirectoryProviderFactory;
import dev.companysso.userstorage.directory.okta.OktaDirectoryProviderFactory;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The help texts that name what a vendor's code decides (its identity-provider type, its default
 * field mappings) are message texts per vendor: they must say what the code does.
 */
class DirectorySettingsMessagesTest {

  static Stream<DirectoryProviderFactory> factories() {
    return Stream.of(new OktaDirectoryProviderFactory(), new EntraDirectoryProviderFactory());
  }

  @ParameterizedTest
  @MethodSource("factories")
  void theFieldMappingsHelpNamesEveryDefault(DirectoryProviderFactory factory) throws IOException {
    String help = english().getProperty(factory.messageKeyPrefix() + "FieldMappingsHelp");
    assertThat(help).isNotBlank();
    factory
        .defaultFieldMappings()
        .forEach((field, property) -> assertThat(help).contains(field + "=" + property));
    assertThat(help.split("=", -1)).hasSize(factory.defaultFieldMappings().size() + 1);
  }

  @ParameterizedTest
  @MethodSource("factories")
  void theIdentityProviderHelpNamesItsType(DirectoryProviderFactory factory) throws IOException {
    assertThat(english().getProperty(factory.messageKeyPrefix() + "IdentityProviderHelp"))
        .contains(" " + factory.identityProviderType() + " identity provider");
  }

  @ParameterizedTest
  @ValueSource(strings = {"de", "fr", "es"})
  void theSettingsChecksAreTranslated(String language) {
    assertThat(DirectoryProblem.TEXTS.gaps(Locale.forLanguageTag(language))).isEmpty();
  }

  @Test
  void aSettingsProblemNamesItsFieldInEnglishAndReadsInGerman() {
    DirectoryProblem problem =
        new DirectoryProblem("safetyCapPercent", "directory.safetyCapPercentInvalid", "x", 100);
    assertThat(problem.field()).isEqualTo("safetyCapPercent");
    assertThat(problem.getMessage())
        .isEqualTo("Safety cap (%): 'x' is not a whole number from 0 to 100.");
    assertThat(problem.in(Locale.GERMAN))
        .isEqualTo("Sicherheitsgrenze (%): 'x' ist keine ganze Zahl von 0 bis 100.");
  }

  private static Properties english() throws IOException {
    Properties messages = new Properties();
    for (URL url :
        Collections.list(
            DirectorySettingsMessagesTest.class
                .getClassLoader()
                .getResources("theme-resources/messages/messages_en.properties"))) {
      try (Reader reader = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
        messages.load(reader);
      }
    }
    return messages;
  }
}
