package dev.companysso.userstorage.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldMappingsTest {

  private static final Map<String, String> DEFAULTS = Map.of("firstName", "givenName");

  @Test
  void emptyMeansTheVendorDefaults() {
    assertThat(FieldMappings.parse(null, DEFAULTS).keycloakToDirectory()).isEqualTo(DEFAULTS);
    assertThat(FieldMappings.parse("[]", DEFAULTS).keycloakToDirectory()).isEqualTo(DEFAULTS);
  }

  @Test
  void readsTheConsoleKeyValueList() {
    FieldMappings mappings =
        FieldMappings.parse(
            "[{\"key\":\"team\",\"value\":\"costCenter\"},{\"key\":\"email\",\"value\":\"mail\"}]",
            DEFAULTS);
    assertThat(mappings.keycloakToDirectory())
        .containsEntry("team", "costCenter")
        .containsEntry("email", "mail");
    assertThat(mappings.directoryProperties()).containsExactlyInAnyOrder("costCenter", "mail");
  }

  @Test
  void aPropertyLeftOutOfAChangeIsLeftOutOfTheProfile() throws Exception {
    FieldMappings mappings =
        new FieldMappings(Map.of("firstName", "givenName", "lastName", "surname"));
    Map<String, String> profile =
        mappings.read(new ObjectMapper().readTree("{\"surname\":\"Berg\"}"));
    assertThat(profile).containsOnlyKeys("lastName").containsEntry("lastName", "Berg");
  }

  @Test
  void badListsNameTheField() {
    assertThatThrownBy(() -> FieldMappings.parse("{not json", DEFAULTS))
        .hasMessageStartingWith("Field mappings:");
    assertThatThrownBy(() -> FieldMappings.parse("[{\"key\":\"team\",\"value\":\"\"}]", DEFAULTS))
        .hasMessageContaining("every row needs");
    assertThatThrownBy(
            () ->
                FieldMappings.parse(
                    "[{\"key\":\"team\",\"value\":\"a\"},{\"key\":\"team\",\"value\":\"b\"}]",
                    DEFAULTS))
        .hasMessageContaining("'team' is mapped twice");
  }
}
