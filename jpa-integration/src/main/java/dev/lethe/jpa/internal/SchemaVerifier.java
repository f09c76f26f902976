package dev.lethe.jpa.internal;

import dev.lethe.annotation.Encrypted;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.RetentionAction;
import dev.lethe.erasure.ErasurePlan;
import dev.lethe.law.ErasureGround;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.Placeholders;
import dev.lethe.model.SubjectRoute;
import dev.lethe.model.SubjectType;
import dev.lethe.subject.SubjectKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.EntityValuedModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.validator.constraints.Length;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every erasure and retention rule against the mapping and the real schema when the store
 * starts, so that an accepted model can always be erased (Art. 17(1), 5(1)(e)): what a rule writes
 * in place must go into a column the database does not generate and fit it (length, nullability),
 * a constant or masked value must not collide in a unique column or an element set, a deleted row
 * must not be pointed at by a foreign key of a row that stays (unless Lethe can detach it: a
 * nullable key), an {@code @Encrypted} column must hold the ciphertext of the longest value, and a
 * placeholder must satisfy the entity's own Bean Validation constraints so that the application
 * can load and save the row afterwards. Everything it finds is refused together, in one {@link
 * dev.lethe.jpa.UnsupportedMappingException}.
 *
 * <p>The schema is read through JDBC {@link DatabaseMetaData}: column sizes, nullability, generated
 * columns, unique indexes and foreign keys. A table the metadata does not show (created after the
 * store) is checked against the mapping alone.
 */
public final class SchemaVerifier {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaVerifier.class);

  /** A keyed hash's length: 64 hexadecimal characters (HMAC-SHA-256). */
  static final int HASH_LENGTH = 64;

  private final JpaMapping mapping;
  private final @Nullable Validator validator;
  private final Schema schema;
  private final Referrers referrers;
  private final Set<MappingProblem> problems = new LinkedHashSet<>();

  private SchemaVerifier(JpaMapping mapping, @Nullable Validator validator, Schema schema) {
    this.mapping = mapping;
    this.validator = validator;
    this.schema = schema;
    this.referrers = Referrers.of(mapping.entities());
  }

  /**
   * Checks every rule of {@code mapping}'s model against {@code emf}'s database.
   *
   * @throws MappingProblemsException listing every rule that an erasure or a retention sweep could not apply
   */
  public static void verify(EntityManagerFactory emf, JpaMapping mapping) {
    List<MappingProblem> problems = problems(emf, mapping);
    if (!problems.isEmpty()) {
      throw new MappingProblemsException(problems);
    }
  }

  /** The problems {@link #verify} refuses, in the order found. */
  public static List<MappingProblem> problems(EntityManagerFactory emf, JpaMapping mapping) {
    Object configured = emf.getProperties().get("jakarta.persistence.validation.factory");
    @Nullable ValidatorFactory own =
        configured instanceof ValidatorFactory ? null : ownValidatorFactory();
    try {
      Validator validator =
          configured instanceof ValidatorFactory factory
              ? factory.getValidator()
              : own == null ? null : own.getValidator();
      SchemaVerifier verifier = new SchemaVerifier(mapping, validator, Schema.read(emf, mapping));
      verifier.checkFields();
      verifier.checkEncryptedWidths();
      verifier.checkDeletions();
      verifier.checkSharedRows();
      verifier.checkHiddenOneWayChildren();
      verifier.checkHistory();
      return List.copyOf(verifier.problems);
    } finally {
      if (own != null) {
        own.close();
      }
    }
  }

  // --- what a rule writes ------------------------------------------------------------------------

  private void checkFields() {
    for (EntityDescriptor descriptor : mapping.model().entities()) {
      EntityInfo info = known(descriptor);
      if (info == null) {
        continue;
      }
      for (FieldDescriptor field : descriptor.fields()) {
        ErasureStrategy strategy = field.erasure().strategy();
        if (strategy == ErasureStrategy.KEEP || strategy == ErasureStrategy.DELETE_ROW) {
          continue;
        }
        try {
          if (field.collection()) {
            checkElements(info, field, strategy);
          } else {
            checkColumn(info, field, strategy);
          }
        } catch (UnsupportedRouteException | IllegalArgumentException notAColumn) {
          // Not a single column: discovery reports what it cannot erase; there is nothing here to
          // measure.
          LOG.debug("No column to check for {}.{}", info.type().getName(), field.name());
        }
      }
    }
  }

  private @Nullable EntityInfo known(EntityDescriptor descriptor) {
    try {
      EntityInfo info = mapping.entity(descriptor.type());
      return info.isAbstract() ? null : info;
    } catch (IllegalArgumentException notAnEntity) {
      return null;
    }
  }

  private void checkColumn(EntityInfo info, FieldDescriptor field, ErasureStrategy strategy) {
    BasicValuedModelPart part = RouteSql.basic(info.mapping(), field.name(), info.type());
    String table = part.getContainingTableExpression();
    String column = part.getSelectionExpression();
    Optional<Schema.Column> real = schema.column(table, column);
    String where = "column " + Schema.bare(table) + "." + Schema.bare(column);
    if (real.map(Schema.Column::generated).orElse(false)) {
      // Hibernate's bulk update and native SQL both assign the column, which H2 and PostgreSQL
      // refuse, and MariaDB too but for null, which it ignores: every erasure would fail, or leave
      // the value its source columns still make.
      problem(
          info,
          field,
          where
              + " is generated by the database from other columns and cannot be erased in place"
              + " with "
              + strategy
              + ".",
          "Mark the columns it is generated from @PersonalData (erasing them erases it) and leave"
              + " this attribute out, or delete the row (DELETE_ROW).");
      return;
    }
    Object written = written(field, strategy);
    checkLength(
        info,
        field,
        strategy,
        written,
        where,
        real.map(Schema.Column::size).orElse(mappedLength(part)));
    boolean nullRefused = false;
    if (strategy == ErasureStrategy.NULLIFY) {
      if (field.type().isPrimitive()) {
        problem(
            info,
            field,
            "NULLIFY cannot write null into a primitive " + field.type().getName() + ".",
            "Use the wrapper type (such as Integer), or REPLACE with a placeholder.");
        nullRefused = true;
      } else if (!real.map(Schema.Column::nullable).orElse(part.isNullable())) {
        problem(
            info,
            field,
            "NULLIFY writes null into "
                + where
                + ", which is NOT NULL, so every erasure would fail.",
            "Make the column nullable, or use REPLACE (a placeholder), HASH or DELETE_ROW.");
        nullRefused = true;
      }
    }
    if (strategy == ErasureStrategy.REPLACE || strategy == ErasureStrategy.MASK) {
      Set<String> key =
          schema.keyColumns(table, RouteSql.keyColumn(info.mapping(), table, info.type()));
      schema.uniqueIndexes(table).stream()
          .filter(index -> index.contains(Schema.bare(column).toLowerCase(Locale.ROOT)))
          .filter(index -> !index.containsAll(key))
          .findFirst()
          .ifPresent(
              index ->
                  problem(
                      info,
                      field,
                      (strategy == ErasureStrategy.REPLACE
                          ? "REPLACE writes the same placeholder into every erased row, but "
                              + where
                              + " is unique "
                              + index
                              + ": the second subject's erasure would fail with a duplicate key."
                          : "MASK can give two values the same result, but "
                              + where
                              + " is unique "
                              + index
                              + ": an erasure would fail with a duplicate key."),
                      "Use HASH (distinct values stay distinct) or NULLIFY, or drop the unique constraint."));
    }
    if (strategy != ErasureStrategy.MASK && !nullRefused) {
      // One problem per attribute is enough where null is refused twice (a NOT NULL column from
      // @NotNull).
      checkConstraints(info, field, strategy, written);
    }
  }

  private void checkElements(EntityInfo info, FieldDescriptor field, ErasureStrategy strategy) {
    ElementTable table = ElementTable.of(Reader.collection(info, field.name()), info.type());
    String where =
        "column " + Schema.bare(table.table()) + "." + Schema.bare(table.elementColumn());
    Object written = written(field, strategy);
    checkLength(
        info,
        field,
        strategy,
        written,
        where,
        schema.column(table.table(), table.elementColumn()).map(Schema.Column::size).orElse(null));
    if (strategy == ErasureStrategy.REPLACE || strategy == ErasureStrategy.MASK) {
      String element = Schema.bare(table.elementColumn()).toLowerCase(Locale.ROOT);
      schema.uniqueIndexes(table.table()).stream()
          .filter(index -> index.contains(element))
          .findFirst()
          .ifPresent(
              index ->
                  problem(
                      info,
                      field,
                      (strategy == ErasureStrategy.REPLACE
                          ? "REPLACE writes one placeholder for every element, but the elements in "
                              + where
                              + " are unique "
                              + index
                              + " (a Set): two elements of one row would collide."
                          : "MASK can give two elements the same result, but the elements in "
                              + where
                              + " are unique "
                              + index
                              + " (a Set): an erasure would fail with a duplicate key."),
                      "Use NULLIFY (removes the elements) or HASH, or map the collection as a List without a unique"
                          + " constraint."));
    }
  }

  /**
   * An {@code @Encrypted} attribute's column holds the ciphertext, which is longer than the value
   * (see {@link Encryption#storedLength}): a column too narrow for the longest value would fail the
   * insert of every long value, in the application's hot path. The longest value is the attribute's
   * {@code @Size(max)} (or {@code @Length(max)}); without one, only the shortest value's ciphertext is
   * known to need room. Hibernate's schema generation sizes a column by {@code @Size}, which is then
   * always too narrow for the ciphertext: the fix says how to give the width.
   */
  private void checkEncryptedWidths() {
    for (EntityDescriptor descriptor : mapping.model().entities()) {
      EntityInfo info = known(descriptor);
      if (info == null) {
        continue;
      }
      for (FieldDescriptor field : descriptor.fields()) {
        Optional<Field> javaField = javaField(info.type(), field.name());
        if (field.collection()
            || field.type() != String.class
            || javaField.isEmpty()
            || !javaField.get().isAnnotationPresent(Encrypted.class)) {
          // Embedded, collection and non-String attributes are refused by the encryption itself.
          continue;
        }
        BasicValuedModelPart part;
        try {
          part = RouteSql.basic(info.mapping(), field.name(), info.type());
        } catch (UnsupportedRouteException | IllegalArgumentException notAColumn) {
          continue;
        }
        String table = part.getContainingTableExpression();
        String column = part.getSelectionExpression();
        Integer width =
            schema.column(table, column).map(Schema.Column::size).orElse(mappedLength(part));
        if (width == null) {
          continue;
        }
        String where = "column " + Schema.bare(table) + "." + Schema.bare(column);
        Integer longest = maximumLength(javaField.get());
        if (longest == null) {
          long shortest = Encryption.storedLength(0);
          if (shortest > width) {
            problem(
                info,
                field,
                "@Encrypted stores even an empty value as ciphertext of "
                    + shortest
                    + " characters, but "
                    + where
                    + " holds at most "
                    + width
                    + ": inserting any value would fail.",
                "Bound the clear value with @Size(max = ..) and widen the column to what the start-up check then"
                    + " asks for (about 4 × (3 × max + 33) / 3 + 51 characters).");
          }
          continue;
        }
        long needed = Encryption.storedLength(longest);
        if (needed > width) {
          problem(
              info,
              field,
              "@Encrypted stores a value of up to "
                  + longest
                  + " characters (its @Size(max)) as"
                  + " ciphertext of up to "
                  + needed
                  + " characters (at "
                  + Encryption.MAX_UTF8_BYTES_PER_CHAR
                  + " UTF-8 bytes per character), but "
                  + where
                  + " holds at most "
                  + width
                  + ": inserting such a value would fail.",
              "Widen the column to at least "
                  + needed
                  + " characters (in a migration, or, where Hibernate generates"
                  + " the schema and sizes the column by @Size, with @Column(columnDefinition = \"varchar("
                  + needed
                  + ")\")), or bound the clear value with a smaller @Size(max = ..).");
        }
      }
    }
  }

  private static @Nullable Integer maximumLength(Field field) {
    Size size = field.getAnnotation(Size.class);
    if (size != null && size.max() < Integer.MAX_VALUE) {
      return size.max();
    }
    Length length = field.getAnnotation(Length.class);
    return length != null && length.max() < Integer.MAX_VALUE ? length.max() : null;
  }

  /** The value the rule writes, as far as it is fixed: a placeholder, null, or a sample keyed hash. */
  private static @Nullable Object written(FieldDescriptor field, ErasureStrategy strategy) {
    return switch (strategy) {
      case REPLACE ->
          Placeholders.replacement(field.erasure().placeholder(), field.type(), field.category())
              .orElse(null);
      case HASH -> "0".repeat(HASH_LENGTH);
      default -> null;
    };
  }

  private void checkLength(
      EntityInfo info,
      FieldDescriptor field,
      ErasureStrategy strategy,
      @Nullable Object written,
      String where,
      @Nullable Integer size) {
    if (!(written instanceof String text) || size == null || text.length() <= size) {
      return;
    }
    if (strategy == ErasureStrategy.HASH) {
      problem(
          info,
          field,
          "HASH writes "
              + HASH_LENGTH
              + " hexadecimal characters into "
              + where
              + ", which holds at most "
              + size
              + ": every erasure would fail.",
          "Widen the column to at least "
              + HASH_LENGTH
              + " characters (@Column(length = "
              + HASH_LENGTH
              + ")), or use NULLIFY, MASK or DELETE_ROW.");
    } else {
      problem(
          info,
          field,
          "REPLACE writes a placeholder of "
              + text.length()
              + " characters into "
              + where
              + ", which holds at most "
              + size
              + ": every erasure would fail.",
          "State a placeholder of at most "
              + size
              + " characters (placeholder = \"...\"), or widen the column.");
    }
  }

  private static @Nullable Integer mappedLength(BasicValuedModelPart part) {
    Long length = part.getLength();
    return length == null
            || length > Integer.MAX_VALUE
            || !String.class.equals(
                part.getJdbcMapping().getJavaTypeDescriptor().getJavaTypeClass())
        ? null
        : length.intValue();
  }

  /** Whether the value erasure writes passes the entity's own Bean Validation constraints (default group). */
  private void checkConstraints(
      EntityInfo info, FieldDescriptor field, ErasureStrategy strategy, @Nullable Object written) {
    if (validator == null) {
      return;
    }
    Class<?> owner = info.type();
    List<String> path = field.path();
    for (String segment : path.subList(0, path.size() - 1)) {
      Optional<Field> embedded = javaField(owner, segment);
      if (embedded.isEmpty()) {
        return;
      }
      owner = embedded.get().getType();
    }
    String property = path.get(path.size() - 1);
    if (javaField(owner, property).isEmpty()) {
      return;
    }
    Set<? extends ConstraintViolation<?>> violations;
    try {
      violations = validator.validateValue(owner, property, written);
    } catch (RuntimeException notValidatable) {
      LOG.debug("Cannot validate {}.{}: {}", owner.getName(), property, notValidatable.toString());
      return;
    }
    if (violations.isEmpty()) {
      return;
    }
    // The templates name the constraints and hold no personal data: the written value is Lethe's
    // own.
    String failed =
        violations.stream()
            .map(
                violation ->
                    "@"
                        + violation
                            .getConstraintDescriptor()
                            .getAnnotation()
                            .annotationType()
                            .getSimpleName())
            .collect(Collectors.toCollection(TreeSet::new))
            .toString();
    switch (strategy) {
      case NULLIFY ->
          problem(
              info,
              field,
              "NULLIFY leaves null, which fails the attribute's own constraints "
                  + failed
                  + ": the application could not save the row afterwards.",
              "Use REPLACE with a placeholder that satisfies them, or DELETE_ROW.");
      case HASH ->
          problem(
              info,
              field,
              "HASH writes "
                  + HASH_LENGTH
                  + " hexadecimal characters, which fail the"
                  + " attribute's own constraints "
                  + failed
                  + ": the application could not save the row afterwards.",
              "Use REPLACE with a placeholder that satisfies them, NULLIFY, or DELETE_ROW.");
      default ->
          problem(
              info,
              field,
              "REPLACE writes a placeholder that fails the attribute's own constraints "
                  + failed
                  + ": the application could not save the row afterwards.",
              "State a placeholder that satisfies them (placeholder = \"...\"), or use NULLIFY or DELETE_ROW.");
    }
  }

  private static Optional<Field> javaField(Class<?> type, String name) {
    for (Class<?> current = type;
        current != null && current != Object.class;
        current = current.getSuperclass()) {
      try {
        return Optional.of(current.getDeclaredField(name));
      } catch (NoSuchFieldException notHere) {
        // Declared higher up, maybe.
      }
    }
    return Optional.empty();
  }

  // --- rows a plan or a sweep deletes
  // --------------------------------------------------------------

  private void checkDeletions() {
    PersonalDataModel model = mapping.model();
    for (SubjectType subject : model.subjectTypes()) {
      ErasurePlan plan =
          ErasurePlan.of(
              model,
              new SubjectKey(subject.name(), 0L),
              ErasureGround.NO_LONGER_NECESSARY,
              List.of());
      Map<Class<?>, ErasurePlan.Step> steps = new HashMap<>();
      plan.steps().forEach(step -> steps.put(step.entity().type(), step));
      for (ErasurePlan.Step step : plan.steps()) {
        if (step.deleteRows()) {
          EntityInfo info = known(step.entity());
          if (info != null) {
            checkReferences(
                info, "the erasure of a " + subject.name() + " deletes (DELETE_ROW)", steps);
          }
        }
      }
    }
    for (EntityDescriptor descriptor : model.entities()) {
      if (descriptor
          .retention()
          .filter(policy -> policy.action() == RetentionAction.DELETE)
          .isPresent()) {
        EntityInfo info = known(descriptor);
        if (info != null) {
          checkReferences(info, "retention deletes (@Retention(action = DELETE))", Map.of());
        }
      }
    }
  }

  /**
   * Rows that several subjects reach through a collection stay while another subject reaches them;
   * an erasure removes the link to the erased subject instead (see {@code Eraser}). A link that
   * can neither be deleted (a join-table row) nor nulled, in a row the erasure keeps, would keep
   * counting the erased subject, and the row would outlive its last subject: refused.
   */
  private void checkSharedRows() {
    PersonalDataModel model = mapping.model();
    for (SubjectType subject : model.subjectTypes()) {
      ErasurePlan plan =
          ErasurePlan.of(
              model,
              new SubjectKey(subject.name(), 0L),
              ErasureGround.NO_LONGER_NECESSARY,
              List.of());
      Set<Class<?>> deleted = new HashSet<>();
      plan.steps().stream()
          .filter(ErasurePlan.Step::deleteRows)
          .forEach(step -> deleted.add(step.entity().type()));
      for (ErasurePlan.Step step : plan.steps()) {
        EntityInfo info = known(step.entity());
        if (info == null || info.isAbstract()) {
          continue;
        }
        RouteSql route = mapping.route(info, step.route());
        if (!route.reachesSeveralSubjects()) {
          continue;
        }
        route
            .linkToRoot()
            .filter(
                link ->
                    !link.joinTable()
                        && !deleted.contains(link.holder())
                        && !schema
                            .column(link.table(), link.column())
                            .map(Schema.Column::nullable)
                            .orElse(true))
            .ifPresent(
                link ->
                    problems.add(
                        new MappingProblem(
                            info.type(),
                            step.route().path().get(0),
                            "reaches several "
                                + subject.name()
                                + "s by the route '"
                                + step.route().name()
                                + "', so one's erasure leaves the rows"
                                + " the others still reach and removes its link to them; but the link, column "
                                + Schema.bare(link.table())
                                + "."
                                + Schema.bare(link.column())
                                + " of "
                                + link.holder().getSimpleName()
                                + ", is NOT NULL in a row the erasure keeps: the rows would never be erased with their last "
                                + subject.name()
                                + ".",
                            "Make the column nullable, or delete "
                                + link.holder().getSimpleName()
                                + "'s rows with the subject"
                                + " (DELETE_ROW), or link through a join table (@ManyToMany or @JoinTable).")));
      }
    }
  }

  /**
   * Hibernate writes the join column of a one-way {@code @OneToMany} in a separate update, which
   * a {@code @SQLRestriction} on the children restricts to the rows it shows: hidden children are
   * saved without their parent, reach no subject, and are neither exported nor erased. Refused.
   */
  private void checkHiddenOneWayChildren() {
    for (EntityInfo parent : mapping.entities()) {
      parent
          .mapping()
          .forEachAttributeMapping(
              attribute -> {
                if (attribute instanceof PluralAttributeMapping plural
                    && !plural.getCollectionDescriptor().isInverse()
                    && plural.getSeparateCollectionTable() == null
                    && plural.getElementDescriptor() instanceof EntityValuedModelPart element
                    && element.getEntityMappingType().hasWhereRestrictions()
                    && attribute.getDeclaringType() == parent.mapping()) {
                  Class<?> child = element.getEntityMappingType().getJavaType().getJavaTypeClass();
                  problems.add(
                      new MappingProblem(
                          parent.type(),
                          attribute.getAttributeName(),
                          "lists "
                              + child.getSimpleName()
                              + ", whose rows @SQLRestriction hides, through a one-way @OneToMany with a join column: Hibernate does"
                              + " not write the join column of hidden children, which then reach no subject and are neither exported"
                              + " nor erased.",
                          "Map the link from the child (@ManyToOne, with @OneToMany(mappedBy = ...) here), or through a join"
                              + " table (@JoinTable), or move the restriction to the queries that need it."));
                }
              });
    }
  }

  /**
   * The Envers history of an audited entity is erased by the rules of its rows (see {@link History}):
   * what Lethe cannot find in it is refused, and so are REPLACE and MASK on an audited collection
   * whose history table keys an element by owner, revision and value alone, where two elements of
   * one revision would collide.
   */
  private void checkHistory() {
    History history = mapping.history();
    problems.addAll(history.problems());
    for (EntityDescriptor descriptor : mapping.model().entities()) {
      EntityInfo info = known(descriptor);
      if (info == null) {
        continue;
      }
      for (SubjectRoute route : descriptor.routes()) {
        history
            .unreachable(mapping, info, route)
            .ifPresent(
                reason ->
                    problems.add(
                        new MappingProblem(
                            info.type(),
                            route.name(),
                            "is audited by Envers, but Lethe cannot follow this route to its subject through the history"
                                + " ("
                                + reason
                                + "), so the history of rows the application deleted earlier would stay after erasure.",
                            "Audit every entity and association along the route (@Audited), join by identifiers, or mark the"
                                + " entity's personal attributes @NotAudited.")));
      }
      history
          .of(info.type())
          .ifPresent(
              audit ->
                  descriptor.fields().stream()
                      .filter(FieldDescriptor::collection)
                      .filter(
                          field ->
                              field.erasure().strategy() == ErasureStrategy.REPLACE
                                  || field.erasure().strategy() == ErasureStrategy.MASK)
                      .forEach(
                          field -> {
                            History.Middle middle = audit.collections().get(field.name());
                            if (middle != null && middle.uniquePerRevision()) {
                              problem(
                                  info,
                                  field,
                                  field.erasure().strategy()
                                      + " can give two elements the same value, but Envers'"
                                      + " history table "
                                      + Schema.bare(middle.table().table())
                                      + " keys each element by owner, revision"
                                      + " and value: erasing the history would fail with a duplicate key.",
                                  "Use HASH (distinct values stay distinct) or NULLIFY, or give the collection an @OrderColumn.");
                            }
                          }));
    }
  }

  /**
   * Every key pointing at {@code target}'s rows must be detachable (nullable, or nulled by the
   * database itself), or its rows deleted first by the same plan along that key; and the schema
   * must hold no foreign key the mapping does not declare.
   */
  private void checkReferences(
      EntityInfo target, String deletion, Map<Class<?>, ErasurePlan.Step> steps) {
    List<Referrers.Referrer> known = referrers.of(target.type());
    for (Referrers.Referrer referrer : known) {
      Optional<Schema.ForeignKey> real = schema.foreignKey(referrer.table(), referrer.column());
      if (real.map(Schema.ForeignKey::handledByDatabase).orElse(false)) {
        continue;
      }
      boolean nullable =
          referrer.nullable()
              && schema
                  .column(referrer.table(), referrer.column())
                  .map(Schema.Column::nullable)
                  .orElse(true);
      boolean self =
          mapping.entity(referrer.owner()).mapping().isTypeOrSuperType(target.mapping())
              || target.mapping().isTypeOrSuperType(mapping.entity(referrer.owner()).mapping());
      if (nullable && referrer.toKey()) {
        continue;
      }
      ErasurePlan.Step own = steps.get(referrer.owner());
      boolean deletedFirst =
          !self
              && own != null
              && own.deleteRows()
              && (referrer.oneToMany() || own.route().path().get(0).equals(referrer.attribute()));
      if (deletedFirst) {
        continue;
      }
      String where =
          "column " + Schema.bare(referrer.table()) + "." + Schema.bare(referrer.column());
      problems.add(
          new MappingProblem(
              referrer.owner(),
              referrer.attribute(),
              !referrer.toKey()
                  ? "refers to "
                      + target.type().getSimpleName()
                      + " by a column other than its identifier, and "
                      + deletion
                      + " its rows: Lethe cannot detach the rows that stay."
                  : "refers to "
                      + target.type().getSimpleName()
                      + ", whose rows "
                      + deletion
                      + ", but "
                      + where
                      + " is NOT NULL and "
                      + (self
                          ? "rows of one table cannot be ordered within one statement on every"
                              + " database"
                          : "the referring rows stay")
                      + ": the deletion would violate the foreign key.",
              "Make the association optional with a nullable column (Lethe then detaches the rows that stay), or"
                  + " declare ON DELETE SET NULL / CASCADE on the foreign key, or erase "
                  + target.type().getSimpleName()
                  + " in place instead of DELETE_ROW"
                  + (self
                      ? "."
                      : ", or delete "
                          + referrer.owner().getSimpleName()
                          + "'s rows with the subject through "
                          + referrer.attribute()
                          + " (DELETE_ROW).")));
    }
    String table = target.mapping().getIdentifierTableDetails().getTableName();
    for (Schema.ForeignKey foreign : schema.foreignKeysTo(table)) {
      if (foreign.handledByDatabase() || foreign.known(known, mapping)) {
        continue;
      }
      problems.add(
          new MappingProblem(
              target.type(),
              target.idAttribute(),
              "is referred to by the foreign key "
                  + foreign.name()
                  + " of column "
                  + foreign.table()
                  + "."
                  + foreign.column()
                  + ", which no mapped"
                  + " association declares, and "
                  + deletion
                  + " its rows: the deletion would violate it.",
              "Map the referring column as an association of an entity, or declare ON DELETE SET NULL / CASCADE on the"
                  + " foreign key, or erase "
                  + target.type().getSimpleName()
                  + " in place instead of DELETE_ROW."));
    }
  }

  private void problem(EntityInfo info, FieldDescriptor field, String what, String fix) {
    problems.add(new MappingProblem(info.type(), field.name(), what, fix));
  }

  // --- Bean Validation ---------------------------------------------------------------------------

  /** A validator factory of the default provider, for a factory configured without one; closed after the checks. */
  private static @Nullable ValidatorFactory ownValidatorFactory() {
    try {
      // Parameter interpolation: messages are not shown, and Expression Language may be absent.
      return Validation.byDefaultProvider()
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory();
    } catch (RuntimeException | LinkageError noProvider) {
      LOG.warn(
          "No Bean Validation provider: placeholders are not checked against the entities' constraints");
      return null;
    }
  }

  // --- the real schema ---------------------------------------------------------------------------

  /** What JDBC metadata says about the tables of the factory's entities, read once. */
  static final class Schema {

    /**
     * A column.
     *
     * @param size its size for character types, else null
     * @param nullable whether it admits null
     * @param generated whether the database computes it ({@code generated always as}), so that no
     *     statement can set it
     */
    record Column(@Nullable Integer size, boolean nullable, boolean generated) {}

    /**
     * A foreign key of {@code table.column} pointing at another table.
     *
     * @param name the constraint's name
     * @param table the referring table
     * @param column the referring column
     * @param handledByDatabase whether the database itself nulls or deletes the referring rows
     */
    record ForeignKey(String name, String table, String column, boolean handledByDatabase) {

      /** Whether the mapping knows this key: an association, a collection table or the entity's own tables. */
      boolean known(List<Referrers.Referrer> referrers, JpaMapping mapping) {
        if (referrers.stream()
            .anyMatch(
                referrer ->
                    bare(referrer.table()).equalsIgnoreCase(table)
                        && bare(referrer.column()).equalsIgnoreCase(column))) {
          return true;
        }
        for (EntityInfo entity : mapping.entities()) {
          List<String> tables = new ArrayList<>();
          entity.mapping().forEachTableDetails(details -> tables.add(bare(details.getTableName())));
          entity
              .collections()
              .forEach(
                  collection -> {
                    try {
                      tables.add(bare(ElementTable.of(collection, entity.type()).table()));
                    } catch (UnsupportedRouteException notSingleColumn) {
                      // Reported by discovery where it matters.
                    }
                  });
          if (tables.stream().anyMatch(name -> name.equalsIgnoreCase(table))) {
            // A subclass, secondary, element or join table: the store deletes or Hibernate
            // maintains its rows.
            return true;
          }
        }
        return false;
      }
    }

    private final Map<String, Map<String, Column>> columns = new HashMap<>();
    private final Map<String, List<Set<String>>> unique = new HashMap<>();
    private final Map<String, Set<String>> primaryKeys = new HashMap<>();
    private final Map<String, List<ForeignKey>> exported = new HashMap<>();
    private final Map<String, List<ForeignKey>> imported = new HashMap<>();

    /** Reads every table of {@code emf}'s mapping. */
    static Schema read(EntityManagerFactory emf, JpaMapping mapping) {
      Schema schema = new Schema();
      Set<String> tables = new LinkedHashSet<>();
      for (EntityInfo entity : mapping.entities()) {
        entity.mapping().forEachTableDetails(details -> tables.add(details.getTableName()));
        entity
            .collections()
            .forEach(collection -> tables.add(collection.getKeyDescriptor().getKeyTable()));
      }
      EntityManager em = emf.createEntityManager();
      try {
        em.unwrap(Session.class)
            .doWork(
                connection -> {
                  try {
                    for (String table : tables) {
                      schema.load(connection, table);
                    }
                  } finally {
                    if (!connection.getAutoCommit()) {
                      connection.rollback();
                    }
                  }
                });
      } catch (RuntimeException unreadable) {
        LOG.warn(
            "Cannot read the database metadata; erasure rules are checked against the mapping alone: {}",
            unreadable.toString());
      } finally {
        em.close();
      }
      return schema;
    }

    private void load(Connection connection, String qualified) throws SQLException {
      DatabaseMetaData meta = connection.getMetaData();
      String name = bare(qualified);
      String catalog = connection.getCatalog();
      String schemaName = connection.getSchema();
      for (String candidate :
          new LinkedHashSet<>(
              List.of(name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)))) {
        Map<String, Column> found = new LinkedHashMap<>();
        try (ResultSet rows = meta.getColumns(catalog, schemaName, candidate, "%")) {
          while (rows.next()) {
            if (!rows.getString("TABLE_NAME").equalsIgnoreCase(name)) {
              continue;
            }
            int type = rows.getInt("DATA_TYPE");
            boolean text =
                type == Types.CHAR
                    || type == Types.VARCHAR
                    || type == Types.NCHAR
                    || type == Types.NVARCHAR;
            found.put(
                rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                new Column(
                    text ? rows.getInt("COLUMN_SIZE") : null,
                    rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                    "YES".equalsIgnoreCase(generated(rows))));
          }
        }
        if (found.isEmpty()) {
          continue;
        }
        String key = name.toLowerCase(Locale.ROOT);
        columns.put(key, found);
        Map<String, Set<String>> indexes = new LinkedHashMap<>();
        try (ResultSet rows = meta.getIndexInfo(catalog, schemaName, candidate, true, true)) {
          while (rows.next()) {
            String column = rows.getString("COLUMN_NAME");
            if (column != null
                && !rows.getBoolean("NON_UNIQUE")
                && rows.getString("TABLE_NAME").equalsIgnoreCase(name)) {
              indexes
                  .computeIfAbsent(
                      String.valueOf(rows.getString("INDEX_NAME")), ignored -> new TreeSet<>())
                  .add(column.toLowerCase(Locale.ROOT));
            }
          }
        }
        Set<String> primary = new TreeSet<>();
        try (ResultSet rows = meta.getPrimaryKeys(catalog, schemaName, candidate)) {
          while (rows.next()) {
            primary.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
          }
        }
        primaryKeys.put(key, primary);
        List<Set<String>> all = new ArrayList<>(indexes.values());
        if (!primary.isEmpty() && !all.contains(primary)) {
          all.add(primary);
        }
        unique.put(key, all);
        exported.put(key, foreignKeys(meta.getExportedKeys(catalog, schemaName, candidate)));
        imported.put(key, foreignKeys(meta.getImportedKeys(catalog, schemaName, candidate)));
        return;
      }
      LOG.debug(
          "Table {} is not in the database metadata; its rules are checked against the mapping",
          name);
    }

    /** {@code IS_GENERATEDCOLUMN} (JDBC 4.1), or null where the driver does not report it. */
    private static @Nullable String generated(ResultSet rows) {
      try {
        return rows.getString("IS_GENERATEDCOLUMN");
      } catch (SQLException notReported) {
        return null;
      }
    }

    private static List<ForeignKey> foreignKeys(ResultSet rows) throws SQLException {
      List<ForeignKey> keys = new ArrayList<>();
      try (rows) {
        while (rows.next()) {
          short rule = rows.getShort("DELETE_RULE");
          keys.add(
              new ForeignKey(
                  String.valueOf(rows.getString("FK_NAME")),
                  rows.getString("FKTABLE_NAME"),
                  rows.getString("FKCOLUMN_NAME"),
                  rule == DatabaseMetaData.importedKeyCascade
                      || rule == DatabaseMetaData.importedKeySetNull));
        }
      }
      return keys;
    }

    /** A table or column name without quotes or schema. */
    static String bare(String name) {
      String last = name.substring(name.lastIndexOf('.') + 1);
      return last.replace("\"", "").replace("`", "").replace("[", "").replace("]", "");
    }

    Optional<Column> column(String table, String column) {
      return Optional.ofNullable(
          columns
              .getOrDefault(bare(table).toLowerCase(Locale.ROOT), Map.of())
              .get(bare(column).toLowerCase(Locale.ROOT)));
    }

    /** The unique indexes and primary key of {@code table}, each as its lower-case columns. */
    List<Set<String>> uniqueIndexes(String table) {
      return unique.getOrDefault(bare(table).toLowerCase(Locale.ROOT), List.of());
    }

    /** The table's primary key columns, or {@code keyColumn} where the metadata shows none. */
    Set<String> keyColumns(String table, String keyColumn) {
      Set<String> primary =
          primaryKeys.getOrDefault(bare(table).toLowerCase(Locale.ROOT), Set.of());
      return primary.isEmpty() ? Set.of(bare(keyColumn).toLowerCase(Locale.ROOT)) : primary;
    }

    /** The foreign key whose referring column is {@code table.column}, if the metadata shows one. */
    Optional<ForeignKey> foreignKey(String table, String column) {
      return imported.getOrDefault(bare(table).toLowerCase(Locale.ROOT), List.of()).stream()
          .filter(key -> key.column().equalsIgnoreCase(bare(column)))
          .findFirst();
    }

    /** The foreign keys that point at {@code table}. */
    List<ForeignKey> foreignKeysTo(String table) {
      return exported.getOrDefault(bare(table).toLowerCase(Locale.ROOT), List.of());
    }
  }
}
