package dev.companysso.it.versions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Which of the bundle's references into Keycloak a distribution cannot link: every method and field
 * of an {@code org/keycloak} type that the bundle's classes call or read, looked up by name and
 * descriptor in the distribution's own JARs, through superclasses and interfaces, as the JVM
 * resolves them when the call first runs. The bundle is compiled against the newest Keycloak, so a
 * member an older one lacks, or returns as another type, shows here before a login meets it.
 */
final class ServerLinkage {

  /**
   * One reference: {@code
   * org/keycloak/models/IdentityProviderModel.isTrustEmail()Ljava/lang/Boolean;}.
   */
  record Reference(String owner, String name, String descriptor, boolean field) {
    @Override
    public String toString() {
      return owner + "." + name + (field ? ":" : "") + descriptor;
    }
  }

  private final Map<String, byte[]> serverClasses = new HashMap<>();

  /** Reads every class of the JARs under {@code distribution}'s {@code lib} folder. */
  ServerLinkage(Path distribution) {
    try (Stream<Path> jars = Files.walk(distribution.resolve("lib"))) {
      for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
        readClasses(jar, serverClasses);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The references of the bundle's JARs in {@code providers} this server cannot resolve. */
  Set<String> unresolved(Path providers) throws IOException {
    Map<String, byte[]> bundle = new HashMap<>();
    try (Stream<Path> jars = Files.list(providers)) {
      for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
        readClasses(jar, bundle);
      }
    }
    Set<String> missing = new TreeSet<>();
    for (byte[] type : bundle.values()) {
      for (Reference reference : references(type)) {
        if (!bundle.containsKey(reference.owner()) && !resolves(reference)) {
          missing.add(reference.toString());
        }
      }
    }
    return missing;
  }

  private boolean resolves(Reference reference) {
    if (reference.owner().startsWith("[")) {
      return true; // an array's clone() and length
    }
    return declarer(reference.owner(), reference).isPresent();
  }

  /** The class that declares the member, searched as the JVM resolves it. */
  private Optional<String> declarer(String owner, Reference reference) {
    byte[] bytes = serverClasses.computeIfAbsent(owner, ServerLinkage::jdkClass);
    if (bytes == null) {
      return Optional.empty();
    }
    Declarations declared = new Declarations();
    new ClassReader(bytes).accept(declared, ClassReader.SKIP_CODE);
    String member = reference.name() + reference.descriptor();
    if ((reference.field() ? declared.fields : declared.methods).contains(member)) {
      return Optional.of(owner);
    }
    List<String> supertypes = new ArrayList<>(declared.interfaces);
    if (declared.superName != null) {
      supertypes.add(0, declared.superName);
    }
    if (declared.interfaceType) {
      supertypes.add("java/lang/Object"); // an interface's reference may name Object's methods
    }
    for (String supertype : supertypes) {
      Optional<String> found = declarer(supertype, reference);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** A class of the JDK the tests run on, which every server shares; null for any other. */
  private static byte[] jdkClass(String name) {
    if (!name.startsWith("java/") && !name.startsWith("javax/")) {
      return null;
    }
    try (InputStream in = ClassLoader.getSystemResourceAsStream(name + ".class")) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Reference> references(byte[] type) {
    List<Reference> references = new ArrayList<>();
    new ClassReader(type)
        .accept(
            new ClassVisitor(Opcodes.ASM9) {
              @Override
              public MethodVisitor visitMethod(
                  int access, String name, String descriptor, String signature, String[] e) {
                return new MethodVisitor(Opcodes.ASM9) {
                  @Override
                  public void visitMethodInsn(
                      int opcode, String owner, String member, String desc, boolean itf) {
                    if (owner.startsWith("org/keycloak/")) {
                      references.add(new Reference(owner, member, desc, false));
                    }
                  }

                  @Override
                  public void visitFieldInsn(int opcode, String owner, String member, String desc) {
                    if (owner.startsWith("org/keycloak/")) {
                      references.add(new Reference(owner, member, desc, true));
                    }
                  }
                };
              }
            },
            ClassReader.SKIP_DEBUG);
    return references;
  }

  private static void readClasses(Path jar, Map<String, byte[]> into) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      var entries = file.entries();
      while (entries.hasMoreElements()) {
        var entry = entries.nextElement();
        String name = entry.getName();
        if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
          try (InputStream in = file.getInputStream(entry)) {
            into.putIfAbsent(name.substring(0, name.length() - 6), in.readAllBytes());
          }
        }
      }
    }
  }

  /** A class's own members, super class and interfaces. */
  private static final class Declarations extends ClassVisitor {
    final Set<String> methods = new TreeSet<>();
    final Set<String> fields = new TreeSet<>();
    final List<String> interfaces = new ArrayList<>();
    String superName;
    boolean interfaceType;

    Declarations() {
      super(Opcodes.ASM9);
    }

    @Override
    public void visit(
        int version, int access, String name, String signature, String superName, String[] is) {
      this.superName = superName;
      this.interfaceType = (access & Opcodes.ACC_INTERFACE) != 0;
      interfaces.addAll(is == null ? List.of() : List.of(is));
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      methods.add(name + descriptor);
      return null;
    }

    @Override
    public FieldVisitor visitField(
        int access, String name, String descriptor, String signature, Object value) {
      fields.add(name + descriptor);
      return null;
    }
  }
}
