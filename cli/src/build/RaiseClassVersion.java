import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step of the shaded jar (run by cli/pom.xml after the shade plugin, with ASM on the class path):
 * rewrites the classes under the given package prefixes as Java 8 class files with computed stack map
 * frames, and checks that every rewritten class passes the JVM's verifier.
 *
 * <p>Why: picocli is compiled for Java 5 (class file 49). The JDK's AOT cache (JDK 25) and AppCDS skip
 * such "old" classes once they are linked, so every run of {@code palisade} read picocli's ~180
 * classes from the jar and verified them with the old inference verifier, on the main thread before
 * the command line is even parsed. As Java 8 class files they are archived with the rest. The code of
 * every method is unchanged; only the version number and the frames the new verifier needs differ.
 *
 * <p>Usage: {@code java -cp asm.jar RaiseClassVersion.java JAR PREFIX...} (the jar is rewritten in place).
 */
public final class RaiseClassVersion {
    private RaiseClassVersion() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        List<String> prefixes = List.of(args).subList(1, args.length);
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".tmp");
        List<String> raised = new ArrayList<>();
        try (URLClassLoader original = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                String name = e.getName();
                if (name.endsWith(".class") && prefixes.stream().anyMatch(name::startsWith) && isOld(bytes)) {
                    bytes = asJava8(bytes, original);
                    raised.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        verify(rewritten, raised);
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("RaiseClassVersion: " + raised.size() + " classes rewritten as Java 8 class files in " + jar);
    }

    /** Class files before Java 6 (50) carry no stack map frames and are verified the old way. */
    private static boolean isOld(byte[] classFile) {
        int major = ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
        return major < Opcodes.V1_6;
    }

    private static byte[] asJava8(byte[] classFile, ClassLoader classes) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return classes; // common super classes of frames are looked up among the jar's classes
            }
        };
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    /** Loads and links every rewritten class, so that a frame the verifier refuses fails the build, not a run. */
    private static void verify(Path jar, List<String> classes) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            for (String c : classes) {
                try {
                    Class.forName(c, true, loader);
                } catch (ClassNotFoundException | VerifyError | ClassFormatError e) {
                    throw new IllegalStateException(c + " does not verify after rewriting: " + e, e);
                } catch (LinkageError | RuntimeException e) {
                    // initialisation problems unrelated to the class file (none expected): not this step's concern
                }
            }
        }
    }
}
