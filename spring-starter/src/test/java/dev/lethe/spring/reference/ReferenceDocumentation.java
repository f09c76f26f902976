package dev.lethe.spring.reference;

import static java.util.stream.Collectors.joining;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.annotation.SubjectLink;
import dev.lethe.law.DataCategory;
import dev.lethe.law.DataOrigin;
import dev.lethe.law.ErasureExemption;
import dev.lethe.model.ErasureRule;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.ModelProblem;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.Placeholders;
import dev.lethe.request.RequestType;
import dev.lethe.rights.DeadlinePolicy;
import dev.lethe.spi.FieldEraser;
import dev.lethe.subject.Pseudonymizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code docs/reference.md} from the code: the starter's configuration metadata, the built-in
 * data categories, what each erasure strategy writes and on which types the model accepts it, and
 * each request type with its article and default deadline (Art. 12(3)). {@link ReferenceDocumentationTest}
 * fails when the checked-in file differs; {@code -Dlethe.reference.write=true} makes it rewrite the file.
 */
public final class ReferenceDocumentation {

  /** The file, relative to the repository's root. */
  public static final String FILE = "docs/reference.md";

  /** The command that brings the file up to date. */
  public static final String REGENERATE =
      "./mvnw -B -q test -pl spring-starter -am -Dtest=ReferenceDocumentationTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dlethe.reference.write=true";

  private static final String SAMPLE = "alice@example.com";
  private static final Pattern JAVADOC_CONSTANT =
      Pattern.compile(
          "/\\*\\*\\s*((?:(?!\\*/).)*?)\\s*\\*/\\s*([A-Z_]+)\\s*[(,;}]", Pattern.DOTALL);
  private static final Set<ModelProblem.Kind> ERASURE_PROBLEMS =
      EnumSet.of(
          ModelProblem.Kind.STRATEGY_NEEDS_TEXT,
          ModelProblem.Kind.NULLIFY_ON_PRIMITIVE,
          ModelProblem.Kind.INVALID_PLACEHOLDER);

  private final Path root;

  private ReferenceDocumentation(Path root) {
    this.root = root;
  }

  /** The generator for the repository at {@code root}. */
  public static ReferenceDocumentation of(Path root) {
    return new ReferenceDocumentation(root);
  }

  /** The repository's root, found from the working directory (the module's, under Maven). */
  public static Path repositoryRoot() {
    Path directory = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(directory.resolve("docs"))
        || !Files.isRegularFile(directory.resolve("mvnw"))) {
      directory = directory.getParent();
      if (directory == null) {
        throw new IllegalStateException(
            "No repository root (a directory with mvnw and docs/) above "
                + Path.of("").toAbsolutePath());
      }
    }
    return directory;
  }

  /** Writes the reference to {@code args[0]}, or to {@link #FILE} in the repository. */
  public static void main(String[] args) throws IOException {
    Path root = repositoryRoot();
    Path target = args.length > 0 ? Path.of(args[0]) : root.resolve(FILE);
    Files.writeString(target, of(root).generate(), StandardCharsets.UTF_8);
  }

  /** The whole reference, as Markdown. */
  public String generate() {
    return """
        # Lethe reference

        <!-- Generated from the code by spring-starter's ReferenceDocumentation; do not edit by hand.
             ReferenceDocumentationTest fails when this file is out of date; to regenerate:
             %s -->

        - [Properties of the Spring Boot starter](#properties-of-the-spring-boot-starter)
        - [Built-in data categories](#built-in-data-categories)
        - [Erasure strategies](#erasure-strategies)
        - [Request types](#request-types)

        %s
        %s
        %s
        %s"""
        .formatted(REGENERATE, properties(), categories(), erasureStrategies(), requestTypes());
  }

  // --- properties -------------------------------------------------------------------------------

  private String properties() {
    JsonNode metadata;
    try (InputStream in =
        ReferenceDocumentation.class.getResourceAsStream(
            "/META-INF/spring-configuration-metadata.json")) {
      if (in == null) {
        throw new IllegalStateException(
            "No META-INF/spring-configuration-metadata.json on the class path: the "
                + "starter's configuration processor did not run");
      }
      metadata = JsonMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder out =
        new StringBuilder(
            """
        ## Properties of the Spring Boot starter

        Every `lethe.*` property of `lethe-spring-boot-starter`, from the configuration metadata its jar
        carries (`META-INF/spring-configuration-metadata.json`). A property without a default is unset
        unless the description says what stands in for it.

        | Property | Type | Default | Description |
        |---|---|---|---|
        """);
    metadata
        .get("properties")
        .valueStream()
        .filter(property -> property.get("name").asString().startsWith("lethe."))
        .sorted((a, b) -> a.get("name").asString().compareTo(b.get("name").asString()))
        .forEach(
            property ->
                out.append("| `")
                    .append(property.get("name").asString())
                    .append("` | ")
                    .append(simpleType(property.path("type").asString()))
                    .append(" | ")
                    .append(defaultValue(property.get("defaultValue")))
                    .append(" | ")
                    .append(cell(javadocToMarkdown(property.path("description").asString())))
                    .append(" |\n"));
    return out.toString();
  }

  private static String simpleType(String type) {
    return cell(
        type.replaceAll("(\\w+\\.)+(\\w+)", "$2")
            .replace("$", ".")
            .replaceAll("\\w+\\.(\\w+)", "$1"));
  }

  private static String defaultValue(JsonNode value) {
    if (value == null || value.isNull()) {
      return "";
    }
    if (value.isArray()) {
      return value.isEmpty()
          ? ""
          : cell(value.valueStream().map(JsonNode::asString).collect(joining(", ", "`", "`")));
    }
    return "`" + cell(value.asString()) + "`";
  }

  // --- data categories --------------------------------------------------------------------------

  private static String categories() {
    StringBuilder out =
        new StringBuilder(
            """
        ## Built-in data categories

        `@PersonalData(category = ...)` takes one of these codes, or an application's own code below one of them
        (`contact.email.work`); records (Art. 30(1)(c)), notices (Art. 13-14) and access reports (Art. 15(1)(b))
        list data by category. Sensitive ones are the special categories of Art. 9(1) and criminal-offence data
        of Art. 10.

        | Code | Label | Sensitive |
        |---|---|---|
        """);
    for (DataCategory category : DataCategory.builtIns()) {
      String indent =
          "&nbsp;&nbsp;".repeat((int) category.code().chars().filter(c -> c == '.').count());
      out.append("| ")
          .append(indent)
          .append('`')
          .append(category.code())
          .append("` | ")
          .append(category.label())
          .append(" | ")
          .append(category.isSensitive() ? "yes" : "")
          .append(" |\n");
    }
    return out.toString();
  }

  // --- erasure strategies -----------------------------------------------------------------------

  private String erasureStrategies() {
    Map<String, String> descriptions =
        javadocOfConstants("core/src/main/java/dev/lethe/annotation/ErasureStrategy.java");
    FieldEraser eraser = new FieldEraser(Pseudonymizer.withRandomKey());
    StringBuilder out =
        new StringBuilder(
            """
        ## Erasure strategies

        What `@PersonalData(erasure = ...)` does to an attribute when its subject is erased (Art. 17). The
        example column erases `%s` in a `String` attribute of category `contact.email` with the
        annotation's defaults (`maskKeepFirst = %d`, `maskKeepLast = %d`). Of common attribute types, the
        last two columns say which the model accepts with the strategy and which it refuses at start-up,
        naming the attribute and the fix.

        | Strategy | What it does | Example | Length of the result | Accepted on | Refused on |
        |---|---|---|---|---|---|
        """
                .formatted(
                    SAMPLE, annotationDefault("maskKeepFirst"), annotationDefault("maskKeepLast")));
    Map<ErasureStrategy, Class<?>> probes =
        Map.of(
            ErasureStrategy.DELETE_ROW,
            DeleteRowProbe.class,
            ErasureStrategy.NULLIFY,
            NullifyProbe.class,
            ErasureStrategy.REPLACE,
            ReplaceProbe.class,
            ErasureStrategy.HASH,
            HashProbe.class,
            ErasureStrategy.MASK,
            MaskProbe.class,
            ErasureStrategy.KEEP,
            KeepProbe.class);
    for (ErasureStrategy strategy : ErasureStrategy.values()) {
      Set<String> refused = refusedAttributes(probes.get(strategy));
      List<Field> probed =
          Arrays.stream(ProbedTypes.class.getDeclaredFields())
              .filter(field -> !field.isAnnotationPresent(SubjectLink.class))
              .toList();
      out.append("| `")
          .append(strategy)
          .append("` | ")
          .append(cell(descriptions.get(strategy.name())))
          .append(" | ")
          .append(example(eraser, strategy))
          .append(" | ")
          .append(length(eraser, strategy))
          .append(" | ")
          .append(
              typeNames(
                  probed.stream().filter(field -> !refused.contains(field.getName())).toList()))
          .append(" | ")
          .append(
              typeNames(
                  probed.stream().filter(field -> refused.contains(field.getName())).toList()))
          .append(" |\n");
    }
    out.append(
        """

        `REPLACE` without a `placeholder` writes the type's default, which still passes the usual constraints;
        a stated placeholder must parse as the attribute's type.

        | Type | Default placeholder |
        |---|---|
        """);
    out.append("| `String` of category `contact.email` | `")
        .append(Placeholders.defaultText(String.class, DataCategory.EMAIL).orElseThrow())
        .append("` |\n");
    for (Field field : ProbedTypes.class.getDeclaredFields()) {
      if (!field.isAnnotationPresent(SubjectLink.class)) {
        out.append("| ")
            .append(typeName(field))
            .append(" | ")
            .append(
                Placeholders.defaultText(field.getType(), DataCategory.NAME)
                    .map(text -> "`" + text + "`")
                    .orElse("none: state one"))
            .append(" |\n");
      }
    }
    return out.toString();
  }

  private static Object annotationDefault(String attribute) {
    try {
      return PersonalData.class.getMethod(attribute).getDefaultValue();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  private static FieldDescriptor sampleAttribute(ErasureStrategy strategy) {
    ErasureRule rule =
        new ErasureRule(
            strategy,
            Optional.empty(),
            (int) annotationDefault("maskKeepFirst"),
            (int) annotationDefault("maskKeepLast"),
            strategy == ErasureStrategy.KEEP
                ? Optional.of(ErasureExemption.LEGAL_CLAIMS)
                : Optional.empty());
    return new FieldDescriptor(
        "email",
        String.class,
        DataCategory.EMAIL,
        DataOrigin.PROVIDED,
        Optional.empty(),
        rule,
        Optional.empty(),
        false);
  }

  private static String example(FieldEraser eraser, ErasureStrategy strategy) {
    if (strategy == ErasureStrategy.DELETE_ROW) {
      return "the row is gone";
    }
    Object erased = eraser.erase(sampleAttribute(strategy), SAMPLE);
    if (strategy == ErasureStrategy.HASH) {
      // The hash changes with the key: its form, not a value.
      return erased.toString().matches("[0-9a-f]+") ? "lower-case hex digits" : "a keyed hash";
    }
    return erased == null ? "`null`" : "`" + erased + "`";
  }

  /** The lengths the eraser gives a short and a long input: one figure when they agree, else "as the input". */
  private static String length(FieldEraser eraser, ErasureStrategy strategy) {
    if (strategy == ErasureStrategy.DELETE_ROW) {
      return "";
    }
    Object shortResult = eraser.erase(sampleAttribute(strategy), "a@b.io");
    Object longResult = eraser.erase(sampleAttribute(strategy), SAMPLE.repeat(10));
    if (shortResult == null) {
      return "";
    }
    int shortLength = shortResult.toString().length();
    int longLength = longResult.toString().length();
    if (shortLength == longLength) {
      return strategy == ErasureStrategy.REPLACE
          ? "the placeholder's: " + shortLength + " for this one"
          : "always " + shortLength;
    }
    return shortLength == "a@b.io".length() && longLength == SAMPLE.length() * 10
        ? "the input's"
        : "varies";
  }

  private static Set<String> refusedAttributes(Class<?> probe) {
    List<ModelProblem> problems =
        PersonalDataModel.builder().add(ProbeSubject.class, probe).validate();
    return problems.stream()
        .filter(problem -> ERASURE_PROBLEMS.contains(problem.kind()))
        .map(problem -> problem.location().substring(problem.location().lastIndexOf('.') + 1))
        .collect(Collectors.toSet());
  }

  private static String typeNames(List<Field> fields) {
    return fields.stream().map(ReferenceDocumentation::typeName).collect(joining(", "));
  }

  private static String typeName(Field field) {
    return field.getType().isEnum() ? "an enum" : "`" + field.getType().getSimpleName() + "`";
  }

  // --- request types ----------------------------------------------------------------------------

  private String requestTypes() {
    Map<String, String> descriptions =
        javadocOfConstants("core/src/main/java/dev/lethe/request/RequestType.java");
    DeadlinePolicy policy = DeadlinePolicy.article12();
    StringBuilder out =
        new StringBuilder(
            """
        ## Request types

        Each request a data subject makes is of one type. It is due one period after receipt (Art. 12(3)); a
        controller may promise a shorter one per type (`DeadlinePolicy.withPeriod`, the starter's
        `lethe.deadlines.<type>`), and extend a request once by up to %s. Types marked "Art. 19" are passed
        on to every recipient of the data once carried out.

        | Type | Article | What the subject asks for | Default deadline | Passed to recipients |
        |---|---|---|---|---|
        """
                .formatted(period(policy.maximumExtension())));
    for (RequestType type : RequestType.values()) {
      out.append("| `")
          .append(type)
          .append("` | ")
          .append(type.article())
          .append(" | ")
          .append(cell(descriptions.get(type.name())))
          .append(" | ")
          .append(period(policy.period(type)))
          .append(" | ")
          .append(type.isPassedToRecipients() ? "Art. 19" : "")
          .append(" |\n");
    }
    return out.toString();
  }

  private static String period(Period period) {
    if (period.getYears() == 0 && period.getDays() == 0) {
      return period.getMonths() == 1
          ? "one calendar month"
          : period.getMonths() + " calendar months";
    }
    return period.toString();
  }

  // --- text -------------------------------------------------------------------------------------

  /** The first paragraph of each enum constant's javadoc in the source file, by constant name. */
  private Map<String, String> javadocOfConstants(String sourceFile) {
    String source;
    try {
      source = Files.readString(root.resolve(sourceFile), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> descriptions = new LinkedHashMap<>();
    Matcher matcher = JAVADOC_CONSTANT.matcher(source);
    while (matcher.find()) {
      String text =
          matcher
              .group(1)
              .lines()
              .map(line -> line.replaceFirst("^\\s*\\*\\s?", "").strip())
              .collect(joining(" "))
              .strip();
      descriptions.put(matcher.group(2), javadocToMarkdown(text));
    }
    return descriptions;
  }

  private static String javadocToMarkdown(String text) {
    return text.replaceAll("\\{@code ([^}]*)}", "`$1`")
        .replaceAll("\\{@link(?:plain)? #?([^}]*)}", "`$1`");
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  // --- probes: one entity per strategy over the same attribute types ----------------------------

  @DataSubject("probe")
  static class ProbeSubject {
    @SubjectIdentity("id")
    Long id;
  }

  abstract static class ProbedTypes {
    @SubjectLink(subject = "probe")
    Long probeId;

    String text;
    Integer integerNumber;
    int primitiveInt;
    long primitiveLong;
    boolean primitiveBoolean;
    BigDecimal decimal;
    LocalDate date;
    Instant instant;
    UUID uuid;
    DataOrigin anEnum;
  }

  @PersonalData(category = "identity.identifier", erasure = ErasureStrategy.DELETE_ROW)
  static class DeleteRowProbe extends ProbedTypes {}

  @PersonalData(category = "identity.identifier", erasure = ErasureStrategy.NULLIFY)
  static class NullifyProbe extends ProbedTypes {}

  @PersonalData(category = "identity.identifier", erasure = ErasureStrategy.REPLACE)
  static class ReplaceProbe extends ProbedTypes {}

  @PersonalData(category = "identity.identifier", erasure = ErasureStrategy.HASH)
  static class HashProbe extends ProbedTypes {}

  @PersonalData(category = "identity.identifier", erasure = ErasureStrategy.MASK)
  static class MaskProbe extends ProbedTypes {}

  @PersonalData(
      category = "identity.identifier",
      erasure = ErasureStrategy.KEEP,
      exemption = ErasureExemption.LEGAL_CLAIMS)
  static class KeepProbe extends ProbedTypes {}
}
