package dev.lethe.bench;

import dev.lethe.annotation.PersonalData;
import dev.lethe.model.PersonalDataModel;
import jakarta.persistence.Id;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building the {@link PersonalDataModel} from annotated classes (Art. 30), as an application does
 * once at start-up: {@code classes} generated sources (groups of ten: a subject root and nine
 * linked classes, every third one two hops away, each with two or three personal-data
 * attributes), compiled with {@code javax.tools} into a temporary directory in the trial's set-up
 * and loaded with a {@link URLClassLoader}.
 *
 * <p>{@link #scan} measures repeated scans of the same classes; {@link #scanFreshClasses} loads
 * the classes anew in a new class loader before every (single-shot) invocation, so that no cache
 * keyed by class can help: the start-up case.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ModelBuildBenchmark {

  private static final String PACKAGE = "generated.model";

  /** How many annotated classes; a multiple of ten. */
  @Param({"500"})
  public int classes = 500;

  private @Nullable Path directory;
  private Class<?>[] loaded = new Class<?>[0];

  /** Generates and compiles the classes. */
  @Setup(Level.Trial)
  public void compile() throws IOException {
    directory = Files.createTempDirectory("lethe-model-");
    Path sources = directory.resolve("src");
    Path packageDir = sources.resolve(PACKAGE.replace('.', '/'));
    Files.createDirectories(packageDir);
    List<String> files = new ArrayList<>();
    for (int group = 0; group < classes / 10; group++) {
      for (int member = 0; member < 10; member++) {
        String name = name(group, member);
        Path file = packageDir.resolve(name + ".java");
        Files.writeString(file, source(group, member));
        files.add(file.toString());
      }
    }
    Path out = directory.resolve("classes");
    Files.createDirectories(out);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException(
          "The model-build benchmark compiles its classes and needs a JDK, not a JRE");
    }
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "-proc:none",
                "-nowarn",
                "-d",
                out.toString(),
                "-classpath",
                location(PersonalData.class) + File.pathSeparator + location(Id.class)));
    arguments.addAll(files);
    int status = javac.run(null, null, System.err, arguments.toArray(String[]::new));
    if (status != 0) {
      throw new IllegalStateException("javac failed with status " + status);
    }
    loaded = load();
  }

  /** The classes loaded anew before each invocation, in a class loader of their own. */
  @State(Scope.Thread)
  public static class FreshClasses {
    private Class<?>[] types = new Class<?>[0];

    /** Loads the benchmark's compiled classes in a new class loader, untimed. */
    @Setup(Level.Invocation)
    public void load(ModelBuildBenchmark benchmark) {
      types = benchmark.load();
    }
  }

  /** Deletes the generated sources and classes. */
  @TearDown(Level.Trial)
  public void delete() throws IOException {
    if (directory != null) {
      try (Stream<Path> paths = Files.walk(directory)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /** Scans the same classes again and again. */
  @Benchmark
  public PersonalDataModel scan() {
    return PersonalDataModel.scan(loaded);
  }

  /** Scans classes loaded in a new class loader just before: the first scan at start-up. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 3, batchSize = 1)
  @Measurement(iterations = 10, batchSize = 1)
  public PersonalDataModel scanFreshClasses(FreshClasses fresh) {
    return PersonalDataModel.scan(fresh.types);
  }

  private Class<?>[] load() {
    Path out = ErasureBenchmark.open(directory).resolve("classes");
    try {
      URLClassLoader loader =
          new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader());
      Class<?>[] types = new Class<?>[classes];
      for (int group = 0; group < classes / 10; group++) {
        for (int member = 0; member < 10; member++) {
          types[group * 10 + member] = loader.loadClass(PACKAGE + "." + name(group, member));
        }
      }
      return types;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String name(int group, int member) {
    return member == 0 ? "Subject" + group : "Record" + group + "x" + member;
  }

  private static String source(int group, int member) {
    StringBuilder source =
        new StringBuilder(
            "package "
                + PACKAGE
                + ";\n\n"
                + "import dev.lethe.annotation.*;\nimport dev.lethe.annotation.ErasureStrategy;\n"
                + "import dev.lethe.law.LawfulBasis;\nimport jakarta.persistence.Id;\n\n");
    if (member == 0) {
      source
          .append("@DataSubject(\"subject")
          .append(group)
          .append("\")\n")
          .append("@Processing(purpose = \"service")
          .append(group)
          .append("\", basis = LawfulBasis.Kind.CONTRACT)\n")
          .append("public class ")
          .append(name(group, member))
          .append(" {\n")
          .append("  @Id public Long id;\n")
          .append("  @SubjectIdentity(\"email\") @PersonalData(category = \"contact.email\",")
          .append(" erasure = ErasureStrategy.HASH) public String email;\n")
          .append(
              "  @PersonalData(category = \"identity.name\", erasure = ErasureStrategy.REPLACE) public String name;\n")
          .append(
              "  @PersonalData(category = \"contact.phone\", erasure = ErasureStrategy.MASK, maskKeepLast = 2)")
          .append(" public String phone;\n}\n");
      return source.toString();
    }
    // Every third record reaches its subject through the record before it: two hops.
    String parent = member % 3 == 0 ? name(group, member - 1) : name(group, 0);
    source
        .append("public class ")
        .append(name(group, member))
        .append(" {\n")
        .append("  @Id public Long id;\n")
        .append("  public ")
        .append(parent)
        .append(" owner;\n")
        .append("  public java.time.LocalDate day;\n")
        .append("  @PersonalData(category = \"communication.content\") public String note;\n")
        .append(
            "  @PersonalData(category = \"online.usage\", erasure = ErasureStrategy.DELETE_ROW) public String trace;\n")
        .append("}\n");
    return source.toString();
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
