package dev.lethe.jdbc;

import static dev.lethe.jdbc.internal.Columns.instant;
import static dev.lethe.jdbc.internal.Columns.optionalInstant;
import static dev.lethe.jdbc.internal.Columns.optionalText;
import static java.util.Objects.requireNonNull;

import dev.lethe.consent.ConsentGiver;
import dev.lethe.consent.ConsentMethod;
import dev.lethe.consent.ConsentRecord;
import dev.lethe.consent.ConsentState;
import dev.lethe.consent.ConsentStore;
import dev.lethe.jdbc.internal.Jdbc;
import dev.lethe.subject.SubjectPseudonym;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Consent history (Art. 7(1): the controller must be able to show consent was given) in the table
 * {@code lethe_consent_record}: append-only, each subject and purpose numbered in the order written.
 */
public final class JdbcConsentStore implements ConsentStore {

  private static final int ATTEMPTS = 3;
  private static final String COLUMNS =
      "subject, purpose, state, recorded_at, notice_version, method,"
          + " bundled_with_contract, expires_at, explicit_consent, given_by";

  private final Jdbc jdbc;

  private JdbcConsentStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** A store over the {@link LetheSchema} tables behind {@code dataSource}. */
  public static JdbcConsentStore of(DataSource dataSource) {
    return new JdbcConsentStore(requireNonNull(dataSource, "dataSource"));
  }

  @Override
  public void append(ConsentRecord record) {
    requireNonNull(record, "record");
    // The next position is computed in the insert itself; two writers racing for one subject and
    // purpose collide on the primary key, and the loser tries again after the winner.
    for (int attempt = 1; ; attempt++) {
      // Behind a savepoint inside a transaction, so that a lost race leaves it usable for the
      // retry.
      if (jdbc.updateUnlessDuplicate(
              "append a consent record",
              "insert into lethe_consent_record (subject, purpose, position, state,"
                  + " recorded_at, notice_version, method, bundled_with_contract, expires_at, explicit_consent, given_by)"
                  + " select ?, ?, coalesce(max(position), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ? from lethe_consent_record"
                  + " where subject = ? and purpose = ?",
              record.subject().hex(),
              record.purpose(),
              record.state().name(),
              instant(record.recordedAt()),
              record.noticeVersion(),
              record.method().map(Enum::name).orElse(null),
              record.bundledWithContract(),
              instant(record.expiresAt()),
              record.explicit(),
              record.givenBy().name(),
              record.subject().hex(),
              record.purpose())
          .isPresent()) {
        return;
      }
      if (attempt == ATTEMPTS) {
        throw new IllegalStateException(
            "Could not append a consent record: other writers came first " + ATTEMPTS + " times");
      }
    }
  }

  /**
   * Reads the last record with its position, and inserts at the next position if it is still
   * {@code latest}: a replica that appended meanwhile holds that position, so the primary key
   * refuses the insert (waiting for that replica's commit where it is still open).
   */
  @Override
  public boolean appendAfter(ConsentRecord record, Optional<ConsentRecord> latest) {
    requireNonNull(record, "record");
    requireNonNull(latest, "latest");
    List<Map.Entry<Integer, ConsentRecord>> last =
        jdbc.query(
            "read the last consent record",
            "select position,"
                + " "
                + COLUMNS
                + " from lethe_consent_record where subject = ? and purpose = ? order by position desc limit 1",
            row -> Map.entry(row.getInt("position"), record(row)),
            record.subject().hex(),
            record.purpose());
    if (!last.stream().findFirst().map(Map.Entry::getValue).equals(latest)) {
      return false;
    }
    int position = last.isEmpty() ? 1 : last.get(0).getKey() + 1;
    return jdbc.updateUnlessDuplicate(
            "append a consent record",
            "insert into lethe_consent_record (subject, purpose,"
                + " position, state, recorded_at, notice_version, method, bundled_with_contract, expires_at, explicit_consent,"
                + " given_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            record.subject().hex(),
            record.purpose(),
            position,
            record.state().name(),
            instant(record.recordedAt()),
            record.noticeVersion(),
            record.method().map(Enum::name).orElse(null),
            record.bundledWithContract(),
            instant(record.expiresAt()),
            record.explicit(),
            record.givenBy().name())
        .isPresent();
  }

  /** {@inheritDoc} One row per version in {@code lethe_notice_version}: the first insert wins, the others read it. */
  @Override
  public Optional<LocalDate> noticeVersionAppliesFrom(String version, LocalDate today) {
    requireNonNull(version, "version");
    requireNonNull(today, "today");
    jdbc.updateUnlessDuplicate(
        "record a notice version",
        "insert into lethe_notice_version (version, applies_from)" + " values (?, ?)",
        version,
        today);
    return jdbc
        .query(
            "read a notice version's date",
            "select applies_from from lethe_notice_version where version = ?",
            row -> row.getObject(1, LocalDate.class),
            version)
        .stream()
        .findFirst();
  }

  @Override
  public List<ConsentRecord> history(SubjectPseudonym subject, String purpose) {
    requireNonNull(subject, "subject");
    requireNonNull(purpose, "purpose");
    return jdbc.query(
        "read consent history",
        "select "
            + COLUMNS
            + " from lethe_consent_record where subject = ? and purpose = ?"
            + " order by position",
        JdbcConsentStore::record,
        subject.hex(),
        purpose);
  }

  /** One grouped read over the current records: each subject's last position for the purpose, found by the key's index. */
  @Override
  public Map<String, Long> countGivenUnderOtherNotice(
      String purpose, String currentVersion, Instant now) {
    requireNonNull(purpose, "purpose");
    requireNonNull(currentVersion, "currentVersion");
    requireNonNull(now, "now");
    Map<String, Long> counts = new TreeMap<>();
    jdbc.query(
            "count consents given under an older notice",
            "select r.notice_version, count(*) as consents"
                + GIVEN_UNDER_OTHER_NOTICE
                + " group by r.notice_version",
            row -> Map.entry(row.getString("notice_version"), row.getLong("consents")),
            purpose,
            currentVersion,
            instant(now))
        .forEach(count -> counts.put(count.getKey(), count.getValue()));
    return counts;
  }

  @Override
  public List<SubjectPseudonym> subjectsGivenUnderOtherNotice(
      String purpose,
      String currentVersion,
      Instant now,
      Optional<SubjectPseudonym> after,
      int limit) {
    requireNonNull(purpose, "purpose");
    requireNonNull(currentVersion, "currentVersion");
    requireNonNull(now, "now");
    requireNonNull(after, "after");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    return jdbc.query(
        "page the subjects whose consent was given under an older notice",
        "select r.subject"
            + GIVEN_UNDER_OTHER_NOTICE
            + " and r.subject > ? order by r.subject limit "
            + limit,
        row -> new SubjectPseudonym(row.getString("subject")),
        purpose,
        currentVersion,
        instant(now),
        after.map(SubjectPseudonym::hex).orElse(""));
  }

  /**
   * The current records of a purpose (the last of each subject's history, given and not lapsed at a
   * time) given under another notice version; parameters: purpose, current version, the time.
   * Stored instants sort as text in time order.
   */
  private static final String GIVEN_UNDER_OTHER_NOTICE =
      " from lethe_consent_record r where r.purpose = ?"
          + " and r.state = 'GIVEN' and r.notice_version <> ? and (r.expires_at is null or r.expires_at > ?)"
          + " and r.position = (select max(m.position) from lethe_consent_record m where m.subject = r.subject"
          + " and m.purpose = r.purpose)";

  private static ConsentRecord record(ResultSet row) throws SQLException {
    return new ConsentRecord(
        new SubjectPseudonym(row.getString("subject")),
        row.getString("purpose"),
        ConsentState.valueOf(row.getString("state")),
        instant(row, "recorded_at"),
        row.getString("notice_version"),
        optionalText(row, "method").map(ConsentMethod::valueOf),
        row.getBoolean("bundled_with_contract"),
        optionalInstant(row, "expires_at"),
        row.getBoolean("explicit_consent"),
        ConsentGiver.valueOf(row.getString("given_by")));
  }
}
