package dev.lethe.jdbc;

import static dev.lethe.jdbc.internal.Columns.instant;
import static dev.lethe.jdbc.internal.Columns.optionalInstant;
import static dev.lethe.jdbc.internal.Columns.optionalText;
import static java.util.Objects.requireNonNull;

import dev.lethe.breach.Breach;
import dev.lethe.breach.BreachReport;
import dev.lethe.breach.BreachStore;
import dev.lethe.jdbc.internal.Jdbc;
import dev.lethe.subject.SubjectPseudonym;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The breach register (Art. 33(5)) in the table {@code lethe_breach}, shared by every replica: a
 * change is a conditional update on the row's version, so of two replicas changing one breach
 * exactly one wins. It joins the transaction open on its {@link DataSource} ({@link JdbcTransactions}).
 */
public final class JdbcBreachStore implements BreachStore {

  private static final String COLUMNS =
      "id, aware_at, recorded_at, nature, data_categories, subject_types,"
          + " approximate_subjects, approximate_records, consequences, measures, dpo_contact, risk, authority_notified_at,"
          + " delay_reasons, subjects_notified_at, subjects_notified, version";
  private static final String SEPARATOR = ",";

  private final Jdbc jdbc;

  private JdbcBreachStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** A store over the {@link LetheSchema} tables behind {@code dataSource}. */
  public static JdbcBreachStore of(DataSource dataSource) {
    return new JdbcBreachStore(requireNonNull(dataSource, "dataSource"));
  }

  @Override
  public void insert(Breach breach) {
    requireNonNull(breach, "breach");
    BreachReport report = breach.report();
    if (jdbc.updateUnlessDuplicate(
            "insert a breach",
            "insert into lethe_breach ("
                + COLUMNS
                + ") values (?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            breach.id().toString(),
            instant(report.awareAt()),
            instant(breach.recordedAt()),
            report.nature(),
            String.join(SEPARATOR, report.dataCategories()),
            String.join(SEPARATOR, report.subjectTypes()),
            report.approximateSubjects(),
            report.approximateRecords(),
            report.consequences(),
            report.measures(),
            report.dpoContact(),
            report.risk().name(),
            instant(breach.authorityNotifiedAt()),
            breach.delayReasons().orElse(null),
            instant(breach.subjectsNotifiedAt()),
            breach.subjectsNotified(),
            breach.version())
        .isEmpty()) {
      throw new IllegalArgumentException("Breach " + breach.id() + " is already in the register");
    }
  }

  /** The notifications and the risk only: the rest of what was reported never changes once it is in the register. */
  @Override
  public Optional<Breach> update(Breach breach) {
    requireNonNull(breach, "breach");
    int updated =
        jdbc.update(
            "update a breach",
            "update lethe_breach set risk = ?, authority_notified_at = ?,"
                + " delay_reasons = ?, subjects_notified_at = ?, subjects_notified = ?, version = ? where id = ? and version = ?",
            breach.report().risk().name(),
            instant(breach.authorityNotifiedAt()),
            breach.delayReasons().orElse(null),
            instant(breach.subjectsNotifiedAt()),
            breach.subjectsNotified(),
            breach.version() + 1,
            breach.id().toString(),
            breach.version());
    return updated == 1 ? find(breach.id()) : Optional.empty();
  }

  /** An insert into {@code lethe_breach_subject}; a duplicate key means the subject was told before. */
  @Override
  public boolean markTold(UUID breachId, SubjectPseudonym subject, Instant at) {
    requireNonNull(breachId, "breachId");
    requireNonNull(subject, "subject");
    requireNonNull(at, "at");
    return jdbc.updateUnlessDuplicate(
            "record a subject told of a breach",
            "insert into lethe_breach_subject" + " (breach_id, subject, told_at) values (?, ?, ?)",
            breachId.toString(),
            subject.hex(),
            instant(at))
        .isPresent();
  }

  @Override
  public Optional<Breach> find(UUID id) {
    requireNonNull(id, "id");
    return jdbc
        .query(
            "find a breach",
            "select " + COLUMNS + " from lethe_breach where id = ?",
            JdbcBreachStore::breach,
            id.toString())
        .stream()
        .findFirst();
  }

  @Override
  public List<Breach> list() {
    // ISO-8601 instants of one format sort as text in time order.
    return jdbc.query(
        "list breaches",
        "select " + COLUMNS + " from lethe_breach order by aware_at desc, id",
        JdbcBreachStore::breach);
  }

  private static Breach breach(ResultSet row) throws SQLException {
    BreachReport report =
        new BreachReport(
            instant(row, "aware_at"),
            row.getString("nature"),
            list(row.getString("data_categories")),
            list(row.getString("subject_types")),
            row.getLong("approximate_subjects"),
            row.getLong("approximate_records"),
            row.getString("consequences"),
            row.getString("measures"),
            row.getString("dpo_contact"),
            Breach.Risk.valueOf(row.getString("risk")));
    return new Breach(
        UUID.fromString(row.getString("id")),
        report,
        instant(row, "recorded_at"),
        optionalInstant(row, "authority_notified_at"),
        optionalText(row, "delay_reasons"),
        optionalInstant(row, "subjects_notified_at"),
        row.getLong("subjects_notified"),
        row.getLong("version"));
  }

  private static List<String> list(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR));
  }
}
