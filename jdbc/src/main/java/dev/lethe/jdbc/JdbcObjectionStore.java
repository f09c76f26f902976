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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

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
  public boolean replace(Optional<Objection> expected, Objection objection) {
    requireNonNull(expected, "expected");
    requireNonNull(objection, "objection");
    @Nullable Object[] values = {
      objection.directMarketing(),
      instant(objection.objectedAt()),
      objection.overriddenBy().map(Objection.CompellingGrounds::grounds).orElse(null),
      instant(objection.overriddenBy().map(Objection.CompellingGrounds::recordedAt)),
      objection.subject().hex(),
      objection.purpose()
    };
    if (expected.isEmpty()) {
      // A second insert waits for the first's transaction, then loses on the primary key.
      return jdbc.updateUnlessDuplicate(
                  "insert an objection",
                  "insert into lethe_objection (direct_marketing, objected_at, overriding_grounds,"
                      + " overridden_at, subject, purpose) values (?, ?, ?, ?, ?, ?)",
                  values)
              .orElse(0)
          == 1;
    }
    // The row as it was read: each objection and override is stamped when it is recorded.
    Objection read = expected.get();
    Optional<String> overriddenAt =
        read.overriddenBy().map(grounds -> instant(grounds.recordedAt()));
    List<@Nullable Object> parameters = new ArrayList<>(Arrays.asList(values));
    parameters.add(instant(read.objectedAt()));
    overriddenAt.ifPresent(parameters::add);
    return jdbc.update(
            "update an objection",
            "update lethe_objection set direct_marketing = ?, objected_at = ?,"
                + " overriding_grounds = ?, overridden_at = ? where subject = ? and purpose = ?"
                + " and objected_at = ? and overridden_at "
                + (overriddenAt.isPresent() ? "= ?" : "is null"),
            parameters.toArray())
        == 1;
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
