package dev.companysso.simulators;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The tenants, applications, users, passwords and groups the simulators serve, read from a JSON
 * data file. {@link #demo()} is the directory the demo realm and the README refer to.
 */
public record SimulatorDirectory(List<OktaOrg> oktaOrgs, List<EntraTenant> entraTenants) {

  private static final String DEMO_RESOURCE = "/simulators/demo-directory.json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public SimulatorDirectory {
    oktaOrgs = List.copyOf(oktaOrgs == null ? List.of() : oktaOrgs);
    entraTenants = List.copyOf(entraTenants == null ? List.of() : entraTenants);
  }

  public static SimulatorDirectory load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read simulator directory " + file, e);
    }
  }

  public static SimulatorDirectory demo() {
    return fromClasspath(DEMO_RESOURCE);
  }

  static SimulatorDirectory fromClasspath(String resource) {
    try (InputStream in = SimulatorDirectory.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing classpath resource " + resource);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read simulator directory " + resource, e);
    }
  }

  private static SimulatorDirectory read(InputStream in) throws IOException {
    return MAPPER.readValue(in, SimulatorDirectory.class);
  }

  public Optional<OktaOrg> oktaOrg(String name) {
    return oktaOrgs.stream().filter(org -> org.name().equals(name)).findFirst();
  }

  /**
   * Finds a tenant by its GUID or one of its verified domain names, as Entra does in request paths.
   */
  public Optional<EntraTenant> entraTenant(String tenantIdOrDomain) {
    return entraTenants.stream().filter(tenant -> tenant.isNamedBy(tenantIdOrDomain)).findFirst();
  }
}
