package dev.lethe.jdbc;

import static dev.lethe.jdbc.internal.Columns.instant;
import static dev.lethe.jdbc.internal.Columns.optionalInstant;
import static java.util.Objects.requireNonNull;

import dev.lethe.audit.SubjectPseudonym;
import dev.lethe.jdbc.internal.Jdbc;
import dev.lethe.law.RestrictionGround;
import dev.lethe.restriction.Restriction;
import dev.lethe.rights.RequestId;
import dev.lethe.spi.RestrictionStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Restrictions of processing (Art. 18) in the table {@code lethe_restriction}, one per subject. */
public final class JdbcRestrictionStore implements RestrictionStore {

  private final Jdbc jdbc;

  private JdbcRestrictionStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** A store over the {@link LetheSchema} tables behind {@code dataSource}. */
  public static JdbcRestrictionStore of(DataSource dataSource) {
    return new JdbcRestrictionStore(requireNonNull(dataSource, "dataSource"));
  }

  @Override
  public void save(Restriction restriction) {
    requireNonNull(restriction, "restriction");
    Object[] values = {restriction.requestId().toString(), restriction.ground().name(), instant(restriction.from()),
        instant(restriction.until()), restriction.subject().hex()};
    if (jdbc.update("update a restriction", "update lethe_restriction set request_id = ?, ground = ?,"
        + " restricted_from = ?, restricted_until = ? where subject = ?", values) == 0) {
      jdbc.update("insert a restriction", "insert into lethe_restriction (request_id, ground, restricted_from,"
          + " restricted_until, subject) values (?, ?, ?, ?, ?)", values);
    }
  }

  @Override
  public Optional<Restriction> find(SubjectPseudonym subject) {
    requireNonNull(subject, "subject");
    return jdbc.query("find a restriction", "select subject, request_id, ground, restricted_from, restricted_until"
        + " from lethe_restriction where subject = ?", JdbcRestrictionStore::restriction, subject.hex())
        .stream().findFirst();
  }

  @Override
  public boolean remove(SubjectPseudonym subject) {
    requireNonNull(subject, "subject");
    return jdbc.update("remove a restriction", "delete from lethe_restriction where subject = ?", subject.hex()) > 0;
  }

  private static Restriction restriction(ResultSet row) throws SQLException {
    return new Restriction(new SubjectPseudonym(row.getString("subject")), RequestId.parse(row.getString("request_id")),
        RestrictionGround.valueOf(row.getString("ground")), instant(row, "restricted_from"),
        optionalInstant(row, "restricted_until"));
  }
}
