package dev.lethe.jdbc;

import static dev.lethe.jdbc.internal.Columns.instant;
import static dev.lethe.jdbc.internal.Columns.optionalInstant;
import static java.util.Objects.requireNonNull;

import dev.lethe.jdbc.internal.Jdbc;
import dev.lethe.objection.Objection;
import dev.lethe.objection.ObjectionStore;
import dev.lethe.subject.SubjectPseudonym;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Objections (Art. 21) in the table {@code lethe_objection}, one per subject and purpose. */
public final class JdbcObjectionStore implements ObjectionStore {

  private final Jdbc jdbc;

  private JdbcObjectionStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** A store over the {@link LetheSchema} tables behind {@code dataSource}. */
  public static JdbcObjectionStore of(DataSource dataSource) {
    return new JdbcObjectionStore(requireNonNull(dataSource, "dataSource"));
  }

  @Override
  public void save(Objection objection) {
    requireNonNull(objection, "objection");
    Object[] values = {
      objection.directMarketing(),
      instant(objection.objectedAt()),
      objection.overriddenBy().map(Objection.CompellingGrounds::grounds).orElse(null),
      instant(objection.overriddenBy().map(Objection.CompellingGrounds::recordedAt)),
      objection.subject().hex(),
      objection.purpose()
    };
    if (jdbc.update(
            "update an objection",
            "update lethe_objection set direct_marketing = ?, objected_at = ?,"
                + " overriding_grounds = ?, overridden_at = ? where subject = ? and purpose = ?",
            values)
        == 0) {
      jdbc.update(
          "insert an objection",
          "insert into lethe_objection (direct_marketing, objected_at,"
              + " overriding_grounds, overridden_at, subject, purpose) values (?, ?, ?, ?, ?, ?)",
          values);
    }
  }

  @Override
  public Optional<Objection> find(SubjectPseudonym subject, String purpose) {
    requireNonNull(subject, "subject");
    requireNonNull(purpose, "purpose");
    return jdbc
        .query(
            "find an objection",
            "select subject, purpose, direct_marketing, objected_at, overriding_grounds,"
                + " overridden_at from lethe_objection where subject = ? and purpose = ?",
            JdbcObjectionStore::objection,
            subject.hex(),
            purpose)
        .stream()
        .findFirst();
  }

  private static Objection objection(ResultSet row) throws SQLException {
    String grounds = row.getString("overriding_grounds");
    Optional<Objection.CompellingGrounds> overridden =
        grounds == null
            ? Optional.empty()
            : optionalInstant(row, "overridden_at")
                .map(at -> new Objection.CompellingGrounds(grounds, at));
    return new Objection(
        new SubjectPseudonym(row.getString("subject")),
        row.getString("purpose"),
        row.getBoolean("direct_marketing"),
        instant(row, "objected_at"),
        overridden);
  }
}
