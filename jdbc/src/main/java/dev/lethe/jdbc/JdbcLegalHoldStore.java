package dev.lethe.jdbc;

import static dev.lethe.jdbc.internal.Columns.instant;
import static dev.lethe.jdbc.internal.Columns.optionalText;
import static java.util.Objects.requireNonNull;

import dev.lethe.erasure.LegalHold;
import dev.lethe.erasure.LegalHoldStore;
import dev.lethe.jdbc.internal.Jdbc;
import dev.lethe.subject.SubjectKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Legal holds (Art. 17(3)(e)) in the table {@code lethe_legal_hold}. A subject's key is stored as
 * text with its Java type, so that it comes back equal: a {@code Long}, {@code Integer},
 * {@code UUID} or {@code String} identifier.
 */
public final class JdbcLegalHoldStore implements LegalHoldStore {

  private static final String COLUMNS =
      "id, subject_type, subject_id, subject_id_type, entity_type, reason, placed_at";

  private final Jdbc jdbc;
  private final ClassLoader classLoader;

  private JdbcLegalHoldStore(DataSource dataSource, ClassLoader classLoader) {
    this.jdbc = new Jdbc(dataSource);
    this.classLoader = classLoader;
  }

  /** A store over the {@link LetheSchema} tables behind {@code dataSource}, loading entity classes of held types with the context class loader. */
  public static JdbcLegalHoldStore of(DataSource dataSource) {
    return new JdbcLegalHoldStore(
        requireNonNull(dataSource, "dataSource"), Thread.currentThread().getContextClassLoader());
  }

  @Override
  public void place(LegalHold hold) {
    requireNonNull(hold, "hold");
    jdbc.update(
        "place a legal hold",
        "insert into lethe_legal_hold (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)",
        hold.id().toString(),
        hold.subject().map(SubjectKey::subjectType).orElse(null),
        hold.subject().map(subject -> subject.id().toString()).orElse(null),
        hold.subject().map(subject -> SubjectIds.typeName(subject.id())).orElse(null),
        hold.entity().map(Class::getName).orElse(null),
        hold.reason(),
        instant(hold.placedAt()));
  }

  @Override
  public boolean release(UUID id) {
    requireNonNull(id, "id");
    return jdbc.update(
            "release a legal hold", "delete from lethe_legal_hold where id = ?", id.toString())
        > 0;
  }

  @Override
  public List<LegalHold> holdsFor(SubjectKey subject) {
    requireNonNull(subject, "subject");
    return jdbc
        .query(
            "find legal holds",
            "select "
                + COLUMNS
                + " from lethe_legal_hold"
                + " where entity_type is not null or (subject_type = ? and subject_id = ?) order by placed_at",
            this::hold,
            subject.subjectType(),
            subject.id().toString())
        .stream()
        .filter(
            hold -> hold.entity().isPresent() || hold.subject().filter(subject::equals).isPresent())
        .toList();
  }

  @Override
  public List<LegalHold> all() {
    return jdbc.query(
        "read legal holds",
        "select " + COLUMNS + " from lethe_legal_hold order by placed_at",
        this::hold);
  }

  private LegalHold hold(ResultSet row) throws SQLException {
    Optional<String> entity = optionalText(row, "entity_type");
    Optional<SubjectKey> subject =
        entity.isPresent()
            ? Optional.empty()
            : Optional.of(
                new SubjectKey(
                    row.getString("subject_type"),
                    SubjectIds.parse(
                        row.getString("subject_id"), row.getString("subject_id_type"))));
    return new LegalHold(
        UUID.fromString(row.getString("id")),
        subject,
        entity.map(this::entityClass),
        row.getString("reason"),
        instant(row, "placed_at"));
  }

  private Class<?> entityClass(String name) {
    try {
      return Class.forName(name, false, classLoader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "A legal hold names entity type " + name + ", which is not on the class path", e);
    }
  }
}
