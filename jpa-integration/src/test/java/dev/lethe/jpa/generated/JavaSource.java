package dev.lethe.jpa.generated;

import dev.lethe.annotation.ErasureStrategy;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a {@link Domain} as Java source files, one per class, keyed by their file path in the package. */
final class JavaSource {

  private static final String IMPORTS =
      """
      import dev.lethe.annotation.*;
      import dev.lethe.annotation.ErasureStrategy;
      import dev.lethe.law.ErasureExemption;
      import dev.lethe.law.LawfulBasis;
      import jakarta.persistence.*;
      import java.util.*;
      """;

  private JavaSource() {}

  /** Every source file of the domain: file path relative to a source root, and its content. */
  static Map<String, String> of(Domain domain) {
    Map<String, String> files = new LinkedHashMap<>();
    String directory = domain.packageName().replace('.', '/') + "/";
    files.put(
        directory + "Reversed.java",
        header(domain)
            + """
        /** Stores text reversed, so that the column differs from the attribute. */
        @Converter
        public class Reversed implements AttributeConverter<String, String> {
          public String convertToDatabaseColumn(String value) {
            return value == null ? null : new StringBuilder(value).reverse().toString();
          }
          public String convertToEntityAttribute(String value) {
            return value == null ? null : new StringBuilder(value).reverse().toString();
          }
        }
        """);
    if (domain.shapes().contains(Shape.MAPPED_SUPERCLASS_FIELDS)) {
      files.put(
          directory + "RootBase.java",
          header(domain)
              + """
          @MappedSuperclass
          public abstract class RootBase {
            @PersonalData(category = "identity.name", erasure = ErasureStrategy.NULLIFY)
            public String inherited;
          %s}
          """
                  .formatted(
                      domain.shapes().contains(Shape.INHERITED_FIELDS_DECLARED_BELOW)
                          ? "  public String overridden;\n  public String covered;\n"
                          : ""));
    }
    if (domain.shapes().contains(Shape.SUBCLASSED_ROOT)) {
      files.put(
          directory + "RootPlus.java",
          header(domain)
              + """
          @Entity
          public class RootPlus extends Root {
            @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
            public String extra;
          }
          """);
    }
    for (Domain.Entity entity : domain.entities()) {
      files.put(directory + entity.className() + ".java", entity(domain, entity));
      if (!entity.embedded().isEmpty()) {
        StringBuilder part =
            new StringBuilder(header(domain))
                .append("@Embeddable\npublic class ")
                .append(entity.className())
                .append("Part {\n");
        entity.embedded().forEach(field -> field(part, field, false));
        files.put(directory + entity.className() + "Part.java", part.append("}\n").toString());
      }
    }
    return files;
  }

  private static String header(Domain domain) {
    return "package " + domain.packageName() + ";\n\n" + IMPORTS + "\n";
  }

  private static String entity(Domain domain, Domain.Entity entity) {
    StringBuilder source = new StringBuilder(header(domain));
    source.append("@Entity\n@Table(name = \"").append(entity.literal("")).append("\")\n");
    if (entity.softDelete()) {
      source.append("@org.hibernate.annotations.SoftDelete\n");
    }
    if (entity.hidden()) {
      source.append("@org.hibernate.annotations.SQLRestriction(\"hidden = false\")\n");
    }
    boolean root = entity.link() == Domain.Link.ROOT;
    if (root) {
      source.append(
          "@DataSubject(\"subject\")\n@Processing(purpose = \"service\", basis = LawfulBasis.Kind.CONTRACT)\n");
      if (domain.shapes().contains(Shape.SUBCLASSED_ROOT)) {
        source.append("@Inheritance(strategy = InheritanceType.SINGLE_TABLE)\n");
      }
      if (domain.shapes().contains(Shape.INHERITED_FIELDS_DECLARED_BELOW)) {
        source.append(
            "@PersonalDataOverride(attribute = \"overridden\", data = @PersonalData(category = \"identity.name\","
                + " erasure = ErasureStrategy.MASK))\n");
        // Covers the superclass's unannotated field; the root's own fields are all annotated
        // themselves.
        source.append(
            "@PersonalData(category = \"identity.name\", erasure = ErasureStrategy.REPLACE)\n");
      }
    }
    source.append("public class ").append(entity.className());
    if (root && domain.shapes().contains(Shape.MAPPED_SUPERCLASS_FIELDS)) {
      source.append(" extends RootBase");
    }
    source.append(" {\n  @Id\n  public Long id;\n\n");
    String parent = domain.entities().get(Math.max(entity.parent(), 0)).className();
    switch (entity.link()) {
      case MANY_TO_ONE ->
          source.append("  @ManyToOne\n  public ").append(parent).append(" parent;\n\n");
      case ONE_TO_ONE ->
          source.append("  @OneToOne\n  public ").append(parent).append(" parent;\n\n");
      case MANY_TO_MANY ->
          source
              .append("  @ManyToMany\n  @JoinTable(name = \"")
              .append(entity.literal("_roots"))
              .append("\")\n  public Set<")
              .append(parent)
              .append("> parents = new HashSet<>();\n\n");
      default -> {}
    }
    if (entity.second() >= 0) {
      source
          .append("  @ManyToOne\n  public ")
          .append(domain.entities().get(entity.second()).className())
          .append(' ')
          .append(entity.secondName())
          .append(";\n\n");
    }
    for (Domain.Entity child : domain.entities()) {
      if (child.link() == Domain.Link.ONE_TO_MANY_FROM_PARENT && child.parent() == entity.index()) {
        source
            .append("  @OneToMany\n  @JoinColumn(name = \"holder_of_")
            .append(child.className().toLowerCase())
            .append("\")\n  public List<")
            .append(child.className())
            .append("> children")
            .append(child.index())
            .append(" = new ArrayList<>();\n\n");
      }
    }
    for (int i = 0; i < entity.fields().size(); i++) {
      field(source, entity.fields().get(i), root && i == 0);
    }
    if (!entity.embedded().isEmpty()) {
      source.append("  @Embedded\n  public ").append(entity.className()).append("Part part;\n\n");
    }
    Domain.Field elements = entity.elements();
    if (elements != null) {
      source
          .append("  @ElementCollection\n  @CollectionTable(name = \"")
          .append(entity.literal("_items"))
          .append("\")\n  @OrderColumn\n  @Column(name = \"item\")\n");
      personal(source, elements);
      source.append("  public List<String> items = new ArrayList<>();\n\n");
    }
    if (entity.hidden()) {
      source.append("  public boolean hidden;\n\n");
    }
    return source.append("}\n").toString();
  }

  private static void field(StringBuilder source, Domain.Field field, boolean identity) {
    if (identity) {
      source.append("  @SubjectIdentity(\"email\")\n");
    }
    personal(source, field);
    if (field.column() != null) {
      source.append("  @Column(name = \"").append(field.column()).append("\")\n");
    }
    if (field.converted()) {
      source.append("  @Convert(converter = Reversed.class)\n");
    }
    source.append("  public String ").append(field.name()).append(";\n\n");
  }

  private static void personal(StringBuilder source, Domain.Field field) {
    source
        .append("  @PersonalData(category = \"identity.name\", erasure = ErasureStrategy.")
        .append(field.strategy().name());
    if (field.strategy() == ErasureStrategy.KEEP) {
      source.append(", exemption = ErasureExemption.LEGAL_OBLIGATION_OR_PUBLIC_TASK");
    }
    if (field.owner() != null) {
      source.append(", of = \"").append(field.owner()).append('"');
    }
    source.append(")\n");
  }
}
