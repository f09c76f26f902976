package dev.lethe.jdbc;

import static dev.lethe.jdbc.internal.Columns.date;
import static dev.lethe.jdbc.internal.Columns.instant;
import static dev.lethe.jdbc.internal.Columns.optionalInstant;
import static dev.lethe.jdbc.internal.Columns.optionalText;
import static java.util.Objects.requireNonNull;

import dev.lethe.jdbc.internal.Jdbc;
import dev.lethe.model.IdentityMatch;
import dev.lethe.request.Channel;
import dev.lethe.request.RejectionReason;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.RequestPage;
import dev.lethe.rights.RequestQuery;
import dev.lethe.rights.RequestStore;
import dev.lethe.subject.SubjectIdentifier;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Rights requests in the table {@code lethe_rights_request}, so that a request and its deadline
 * (Art. 12(3)) survive a restart. Open requests are found through an index on open-ness and due date.
 * Every change is a conditional update on the request's {@code row_version}, so that of several
 * replicas moving one request exactly one wins.
 */
public final class JdbcRequestStore implements RequestStore {

  /** Every column but the id, in the order {@link #save} binds them. */
  private static final List<String> DATA_COLUMNS =
      List.of(
          "request_type",
          "subject_type",
          "identity_kind",
          "identity_value",
          "identity_key",
          "channel",
          "received_at",
          "original_due_date",
          "due_date",
          "status",
          "is_open",
          "verification_required",
          "verification_method",
          "verified_at",
          "extension_reason",
          "extended_due_date",
          "extended_at",
          "rejection_reason",
          "rejection_explanation",
          "rejection_remedies",
          "rejected_at",
          "cancellation_reason",
          "cancelled_at",
          "row_version");

  private static final String COLUMNS = "id, " + String.join(", ", DATA_COLUMNS);
  // closed_at keeps the first time the request was saved closed: a closed request never reopens,
  // and saving it again (its identity replaced on erasure) must not restart its identity's
  // retention.
  private static final String UPDATE =
      "update lethe_rights_request set "
          + String.join(" = ?, ", DATA_COLUMNS)
          + " = ?, closed_at = coalesce(closed_at, ?) where id = ?";
  // The conditional update: of two writers from one version, the database lets exactly one through.
  private static final String UPDATE_FROM_VERSION = UPDATE + " and row_version = ?";
  private static final String INSERT =
      "insert into lethe_rights_request ("
          + String.join(", ", DATA_COLUMNS)
          + ", closed_at, id) values ("
          + "?, ".repeat(DATA_COLUMNS.size() + 1)
          + "?)";
  private static final String ORDER = " order by due_date, received_at";

  private final Jdbc jdbc;
  private final Clock clock;

  private JdbcRequestStore(DataSource dataSource, Clock clock) {
    this.jdbc = new Jdbc(dataSource);
    this.clock = clock;
  }

  /** A store over the {@link LetheSchema} tables behind {@code dataSource}. */
  public static JdbcRequestStore of(DataSource dataSource) {
    return new JdbcRequestStore(requireNonNull(dataSource, "dataSource"), Clock.systemUTC());
  }

  /** As {@link #of(DataSource)}, stamping when a request closed by {@code clock}. */
  public static JdbcRequestStore of(DataSource dataSource, Clock clock) {
    return new JdbcRequestStore(
        requireNonNull(dataSource, "dataSource"), requireNonNull(clock, "clock"));
  }

  @Override
  public void save(RightsRequest request) {
    requireNonNull(request, "request");
    Object[] values = values(request);
    // Update first: a request is saved once new and then at every step of its lifecycle.
    if (jdbc.update("update a rights request", UPDATE, values) == 0) {
      jdbc.update("insert a rights request", INSERT, values);
    }
  }

  @Override
  public void insert(RightsRequest request) {
    requireNonNull(request, "request");
    try {
      jdbc.update("insert a rights request", INSERT, values(request));
    } catch (IllegalStateException e) {
      if (Jdbc.isUniqueViolation(e)) {
        throw new IllegalStateException(
            "A rights request with id " + request.id() + " is already stored", e);
      }
      throw e;
    }
  }

  @Override
  public Optional<RightsRequest> update(RightsRequest changed) {
    requireNonNull(changed, "changed");
    RightsRequest next = changed.withVersion(changed.version() + 1);
    Object[] values = values(next);
    Object[] conditional = Arrays.copyOf(values, values.length + 1);
    conditional[values.length] = changed.version();
    return jdbc.update("update a rights request", UPDATE_FROM_VERSION, conditional) == 1
        ? Optional.of(next)
        : Optional.empty();
  }

  private Object[] values(RightsRequest request) {
    return new Object[] {
      request.type().name(),
      request.subject().subjectType(),
      request.subject().identity(),
      request.subject().value(),
      identityKey(request.subject().value()),
      request.channel().name(),
      instant(request.receivedAt()),
      request.originalDueDate(),
      request.dueDate(),
      request.status().name(),
      request.isOpen(),
      request.verificationRequired(),
      request.verification().map(RightsRequest.Verification::method).orElse(null),
      instant(request.verification().map(RightsRequest.Verification::verifiedAt)),
      request.extension().map(RightsRequest.Extension::reason).orElse(null),
      request.extension().map(RightsRequest.Extension::newDueDate).orElse(null),
      instant(request.extension().map(RightsRequest.Extension::extendedAt)),
      request.rejection().map(rejection -> rejection.reason().name()).orElse(null),
      request.rejection().map(RightsRequest.Rejection::explanation).orElse(null),
      request.rejection().map(RightsRequest.Rejection::remedies).orElse(null),
      instant(request.rejection().map(RightsRequest.Rejection::rejectedAt)),
      request.cancellation().map(RightsRequest.Cancellation::reason).orElse(null),
      instant(request.cancellation().map(RightsRequest.Cancellation::cancelledAt)),
      request.version(),
      request.isOpen() ? null : instant(clock.instant()),
      request.id().toString()
    };
  }

  @Override
  public Optional<RightsRequest> find(RequestId id) {
    requireNonNull(id, "id");
    return jdbc
        .query(
            "find a rights request",
            "select " + COLUMNS + " from lethe_rights_request where id = ?",
            JdbcRequestStore::request,
            id.toString())
        .stream()
        .findFirst();
  }

  /** {@inheritDoc} Read with {@code select ... for update}: the latest committed row, locked until the transaction ends. */
  @Override
  public Optional<RightsRequest> findLatest(RequestId id) {
    requireNonNull(id, "id");
    return jdbc
        .query(
            "find and lock a rights request",
            "select " + COLUMNS + " from lethe_rights_request where id = ?" + " for update",
            JdbcRequestStore::request,
            id.toString())
        .stream()
        .findFirst();
  }

  @Override
  public List<RightsRequest> findOpen() {
    return jdbc.query(
        "find open rights requests",
        "select " + COLUMNS + " from lethe_rights_request where is_open = ?" + ORDER,
        JdbcRequestStore::request,
        true);
  }

  @Override
  public List<RightsRequest> findOpenDueOnOrBefore(LocalDate date) {
    requireNonNull(date, "date");
    return jdbc.query(
        "find due rights requests",
        "select "
            + COLUMNS
            + " from lethe_rights_request"
            + " where is_open = ? and due_date <= ?"
            + ORDER,
        JdbcRequestStore::request,
        true,
        date);
  }

  @Override
  public Stream<RightsRequest> findAll() {
    return jdbc.stream(
        "read rights requests",
        "select " + COLUMNS + " from lethe_rights_request order by received_at",
        JdbcRequestStore::request);
  }

  /**
   * {@inheritDoc} Filtered, counted, ordered and limited by the database: a page costs two queries
   * whatever the number of requests. A subject is compared as {@link RequestQuery#matches} compares
   * it (ignoring case and surrounding space; an erased subject by the start of its pseudonym).
   */
  @Override
  public RequestPage find(RequestQuery query) {
    requireNonNull(query, "query");
    List<String> conditions = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    if (!query.statuses().isEmpty()) {
      conditions.add("status in (" + placeholders(query.statuses().size()) + ")");
      query.statuses().forEach(status -> parameters.add(status.name()));
    }
    if (!query.types().isEmpty()) {
      conditions.add("request_type in (" + placeholders(query.types().size()) + ")");
      query.types().forEach(type -> parameters.add(type.name()));
    }
    query
        .subject()
        .map(value -> value.toLowerCase(Locale.ROOT))
        .ifPresent(
            wanted -> {
              if (wanted.startsWith(DataSubjectRights.ERASED_IDENTITY_PREFIX)) {
                conditions.add("lower(identity_value) like ? escape '!'");
                parameters.add(
                    wanted.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
              } else {
                conditions.add("identity_key = ?");
                parameters.add(wanted);
              }
            });
    String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    Object[] filter = parameters.toArray();
    long total =
        jdbc.query(
                "count rights requests",
                "select count(*) from lethe_rights_request" + where,
                rows -> rows.getLong(1),
                filter)
            .get(0);
    parameters.add(query.size());
    parameters.add((long) query.page() * query.size());
    List<RightsRequest> page =
        jdbc.query(
            "list a page of rights requests",
            "select "
                + COLUMNS
                + " from lethe_rights_request"
                + where
                + ORDER
                + ", id limit ? offset ?",
            JdbcRequestStore::request,
            parameters.toArray());
    return new RequestPage(page, query, total);
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  /**
   * The requests of the subject type and identity whose value matches: the database narrows them
   * down through the index on {@code identity_key}, whatever the number of requests, then {@code
   * match} decides, so that MariaDB's case-insensitive collation finds no more than PostgreSQL or H2
   * would (Art. 17). A locking read ({@code for update}): it sees every request
   * committed before it even under repeatable read (MariaDB's and MySQL's default), where a plain read keeps the transaction's
   * first snapshot and an erasure would miss a request submitted while it ran (Art. 17, 5(1)(c)).
   */
  @Override
  public List<RightsRequest> findBySubject(SubjectIdentifier subject, IdentityMatch match) {
    requireNonNull(subject, "subject");
    requireNonNull(match, "match");
    return jdbc
        .query(
            "find a subject's rights requests",
            "select "
                + COLUMNS
                + " from lethe_rights_request"
                + " where identity_key = ? and subject_type = ? and identity_kind = ?"
                + " order by received_at for update",
            JdbcRequestStore::request,
            identityKey(subject.value()),
            subject.subjectType(),
            subject.identity())
        .stream()
        .filter(request -> match.matches(request.subject().value(), subject.value()))
        .toList();
  }

  @Override
  public int clearIdentitiesClosedBefore(Instant closedBefore) {
    requireNonNull(closedBefore, "closedBefore");
    return jdbc.update(
        "clear the identity of closed rights requests",
        "update lethe_rights_request"
            + " set identity_value = ?, identity_key = ?, row_version = row_version + 1"
            + " where closed_at < ? and identity_value <> ?",
        CLEARED_IDENTITY,
        identityKey(CLEARED_IDENTITY),
        instant(closedBefore),
        CLEARED_IDENTITY);
  }

  /**
   * The indexed form of an identity's value that the queries by subject compare: the loosest
   * comparison, so that it finds a superset of the requests any {@link IdentityMatch} accepts, in
   * Java, so that every database finds the same.
   */
  private static String identityKey(String value) {
    return IdentityMatch.IGNORE_CASE_AND_SPACE.normalize(value);
  }

  private static RightsRequest request(ResultSet row) throws SQLException {
    return new RightsRequest(
        RequestId.parse(row.getString("id")),
        RequestType.valueOf(row.getString("request_type")),
        new SubjectIdentifier(
            row.getString("subject_type"),
            row.getString("identity_kind"),
            row.getString("identity_value")),
        Channel.valueOf(row.getString("channel")),
        instant(row, "received_at"),
        date(row, "original_due_date"),
        RequestStatus.valueOf(row.getString("status")),
        row.getBoolean("verification_required"),
        optionalInstant(row, "verified_at")
            .map(at -> new RightsRequest.Verification(text(row, "verification_method"), at)),
        extension(row),
        rejection(row),
        optionalInstant(row, "cancelled_at")
            .map(at -> new RightsRequest.Cancellation(text(row, "cancellation_reason"), at)),
        row.getLong("row_version"));
  }

  private static Optional<RightsRequest.Extension> extension(ResultSet row) throws SQLException {
    Optional<String> reason = optionalText(row, "extension_reason");
    if (reason.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new RightsRequest.Extension(
            reason.get(), date(row, "extended_due_date"), instant(row, "extended_at")));
  }

  private static Optional<RightsRequest.Rejection> rejection(ResultSet row) throws SQLException {
    Optional<String> reason = optionalText(row, "rejection_reason");
    if (reason.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new RightsRequest.Rejection(
            RejectionReason.valueOf(reason.get()),
            row.getString("rejection_explanation"),
            row.getString("rejection_remedies"),
            instant(row, "rejected_at")));
  }

  private static String text(ResultSet row, String column) {
    try {
      return row.getString(column);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read " + column, e);
    }
  }
}
