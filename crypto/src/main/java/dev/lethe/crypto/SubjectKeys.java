package dev.lethe.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.util.concurrent.UncheckedExecutionException;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.util.SecretBytes;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectKey;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every data subject's own data key, for crypto-shredding (Art. 17(1), 32(1)(a)): values are
 * encrypted with AES-256-GCM (Google Tink) under the key of the subject they belong to, and erasing
 * the subject {@linkplain #destroy(Connection, SubjectKey) destroys} the key, so that every copy of
 * those values (backups, read replicas, dumps, warehouses) becomes unreadable at once.
 *
 * <pre>{@code
 * SubjectKeys keys = SubjectKeys.builder(dataSource, KeyEncryptionKey.fromKeyset("kek-2026", json), pseudonymizer)
 *     .build();
 * JpaPersonalDataStore store = JpaPersonalDataStore.builder(emf, pseudonymizer).encryption(keys).build();
 * }</pre>
 *
 * <p>Keys live in {@code lethe_subject_key} (a migration of {@code LetheSchema}), one row per
 * subject, named by the subject's keyed pseudonym and wrapped by the {@link KeyEncryptionKey}; a key
 * is made on the first value written for its subject, committed at once on a connection of its own,
 * or in the caller's transaction through {@link #inTransaction} (which the JPA store uses), so that it
 * commits or rolls back with the row that needs it. An encrypted value carries the pseudonym of
 * its subject in clear ({@code lethe1.<pseudonym>.<ciphertext>}), bound to the ciphertext as
 * associated data, so that it can be read without knowing its row. Unwrapped keys are cached for a
 * short while ({@link Builder#cacheFor}); another replica may therefore still use a destroyed key for
 * that long (it cannot bring it back). Replicas coordinate through the table only: a key made twice
 * at once is stored once (the primary key decides), a rotation re-wraps each row with a conditional
 * update. Thread-safe.
 */
public final class SubjectKeys {

  /** How long an unwrapped key is used before it is read again, unless the builder says otherwise. */
  public static final Duration DEFAULT_CACHE_TIME = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(SubjectKeys.class);
  private static final String PREFIX = "lethe1.";
  private static final int PSEUDONYM_CHARS = 43;
  // The header of a value: the prefix and the pseudonym, bound to the ciphertext as associated
  // data.
  private static final int HEADER_CHARS = PREFIX.length() + PSEUDONYM_CHARS;
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder UNBASE64 = Base64.getUrlDecoder();
  private static final SecureRandom RANDOM = new SecureRandom();

  static {
    KeyEncryptionKey.Tink.register();
  }

  private final DataSource dataSource;
  private final KeyEncryptionKey kek;
  private final Map<String, KeyEncryptionKey> keks;
  private final Pseudonymizer pseudonymizer;
  private final Clock clock;
  // Unwrapped keys by the header of their values (PREFIX + the pseudonym in base64url): a value
  // names its key
  // by its first characters, with no decoding.
  private final Cache<String, DataKey> cache;

  private SubjectKeys(Builder builder) {
    this.dataSource = builder.dataSource;
    this.kek = builder.kek;
    this.keks = Map.copyOf(builder.keks);
    this.pseudonymizer = builder.pseudonymizer;
    this.clock = builder.clock;
    this.cache =
        CacheBuilder.newBuilder()
            .expireAfterWrite(builder.cacheFor)
            .maximumSize(builder.cacheSize)
            .build();
  }

  /**
   * A builder over the database of Lethe's schema, wrapping new keys with {@code kek} and naming
   * subjects by {@code pseudonymizer}'s keyed hash (Art. 4(5)).
   */
  public static Builder builder(
      DataSource dataSource, KeyEncryptionKey kek, Pseudonymizer pseudonymizer) {
    return new Builder(
        requireNonNull(dataSource, "dataSource"),
        requireNonNull(kek, "kek"),
        requireNonNull(pseudonymizer, "pseudonymizer"));
  }

  /** The keyed pseudonym naming {@code subject}'s key (Art. 4(5)): 64 hex digits. */
  public String pseudonymOf(SubjectKey subject) {
    requireNonNull(subject, "subject");
    return pseudonymizer.hash(
        "lethe-subject-key-v1", subject.subjectType(), String.valueOf(subject.id()));
  }

  /**
   * {@code plaintext} encrypted with {@code subject}'s key, made now if the subject has none yet
   * (Art. 32(1)(a)).
   *
   * @throws IllegalStateException if the key cannot be stored or read
   */
  public String encrypt(SubjectKey subject, String plaintext) {
    requireNonNull(plaintext, "plaintext");
    String pseudonym = pseudonymOf(subject);
    String header = headerOf(pseudonym);
    return encrypt(header, keyForWriting(pseudonym, header), plaintext);
  }

  private static String encrypt(String header, DataKey key, String plaintext) {
    try {
      byte[] ciphertext = key.encrypt(plaintext.getBytes(UTF_8), header.getBytes(UTF_8));
      return header + "." + BASE64.encodeToString(ciphertext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A value could not be encrypted with its subject's key", e);
    }
  }

  /**
   * The keys of one transaction of the caller's, on its {@code connection} (Art. 32(1)(a)): a key a
   * value written in it needs is read on that connection, and a new subject's key is stored in that
   * transaction, so that writing values of new subjects costs no connection and no commit of its
   * own. Tell it how the transaction {@linkplain InTransaction#completed ended}: only then do the keys
   * it made reach the cache, so that a rolled-back key never encrypts another transaction's values.
   */
  public InTransaction inTransaction(Connection connection) {
    return new InTransaction(requireNonNull(connection, "connection"));
  }

  /**
   * The clear value of {@code stored}: decrypted with its subject's key if it is a value
   * {@link #encrypt} made, itself if it is not encrypted (a placeholder erasure wrote, a value
   * stored before encryption was turned on); empty if its subject's key was destroyed, so that the
   * caller shows the erasure's placeholder (Art. 17(1)). Never throws for a stored value: a value
   * that does not decrypt is empty too, and logged without its content.
   */
  public Optional<String> decrypt(String stored) {
    requireNonNull(stored, "stored");
    if (!isEncrypted(stored)) {
      return Optional.of(stored);
    }
    String header = stored.substring(0, HEADER_CHARS);
    try {
      Optional<DataKey> key = keyForReading(header);
      if (key.isEmpty()) {
        return Optional.empty();
      }
      byte[] ciphertext = UNBASE64.decode(stored.substring(HEADER_CHARS + 1));
      return Optional.of(new String(key.get().decrypt(ciphertext, header.getBytes(UTF_8)), UTF_8));
    } catch (GeneralSecurityException | RuntimeException e) {
      LOG.warn(
          "An encrypted value does not decrypt with its subject's key ({}); it reads as erased",
          e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  /** Whether {@code stored} is a value {@link #encrypt} made, by its form. */
  public static boolean isEncrypted(@Nullable String stored) {
    if (stored == null
        || !stored.startsWith(PREFIX)
        || stored.length() <= HEADER_CHARS + 1
        || stored.charAt(HEADER_CHARS) != '.'
        || (stored.length() - HEADER_CHARS - 1) % 4 == 1) {
      return false;
    }
    // The form, checked without decoding: unpadded base64url before and after the dot.
    for (int i = PREFIX.length(); i < stored.length(); i++) {
      char c = stored.charAt(i);
      if (i != HEADER_CHARS
          && !(c >= 'A' && c <= 'Z'
              || c >= 'a' && c <= 'z'
              || c >= '0' && c <= '9'
              || c == '-'
              || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** The header of {@code pseudonym}'s values, which names their key. */
  private static String headerOf(String pseudonym) {
    return PREFIX + BASE64.encodeToString(HexFormat.of().parseHex(pseudonym));
  }

  /** The pseudonym a header names: the key's row in {@code lethe_subject_key}. */
  private static String pseudonymOfHeader(String header) {
    return HexFormat.of().formatHex(UNBASE64.decode(header.substring(PREFIX.length())));
  }

  /**
   * The keyed blind index of {@code value} in {@code scope} (such as {@code Customer.email}): equal
   * values give equal indexes under the pseudonymisation key only, so that an identity stored
   * encrypted can still be looked up (Art. 15, 17) while the index reveals nothing to whoever lacks
   * the key. Normalise the value first as the identity is compared.
   */
  public String blindIndex(String scope, String value) {
    return pseudonymizer.hash(
        "lethe-blind-index-v1", requireNonNull(scope, "scope"), requireNonNull(value, "value"));
  }

  /**
   * Destroys {@code subject}'s key on {@code connection}, in its transaction (Art. 17(1)): once that
   * commits, every value encrypted with it, wherever a copy lies, is unreadable. Whether there was a
   * key. This replica stops using the key at once; others within {@link Builder#cacheFor}.
   *
   * @throws IllegalStateException if the statement fails
   */
  public boolean destroy(Connection connection, SubjectKey subject) {
    requireNonNull(connection, "connection");
    String pseudonym = pseudonymOf(subject);
    String header = headerOf(pseudonym);
    cache.invalidate(header);
    try (PreparedStatement delete =
        connection.prepareStatement("delete from lethe_subject_key where subject = ?")) {
      delete.setString(1, pseudonym);
      return delete.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new IllegalStateException("The subject's key could not be destroyed", e);
    } finally {
      // A read on another thread may have cached it again in between: what the next read finds
      // decides.
      cache.invalidate(header);
    }
  }

  /** Destroys {@code subject}'s key in a transaction of its own; see {@link #destroy(Connection, SubjectKey)}. */
  public boolean destroy(SubjectKey subject) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      return destroy(connection, subject);
    } catch (SQLException e) {
      throw new IllegalStateException("The subject's key could not be destroyed", e);
    }
  }

  /**
   * Rotation of the key-encryption key (Art. 32(1)): re-wraps every subject key stored under another
   * KEK with the current one, in batches, each row by a conditional update on its old KEK, so that
   * replicas may rotate at once and each row is re-wrapped exactly once. Build the keys with the new
   * KEK and the old ones as {@linkplain Builder#previous previous}; when this returns, nothing is
   * wrapped by an old KEK any more (but keys a replica still running on the old KEK makes meanwhile),
   * and the old KEK may be retired. Returns the rows this call re-wrapped.
   *
   * @throws IllegalStateException if a key is wrapped by a KEK this instance does not know
   */
  public int rewrap() {
    int rewrapped = 0;
    String after = "";
    while (true) {
      List<String[]> batch = new ArrayList<>();
      try (Connection connection = dataSource.getConnection();
          PreparedStatement select =
              connection.prepareStatement(
                  "select subject, wrapped_key, kek_id from"
                      + " lethe_subject_key where kek_id <> ? and subject > ? order by subject")) {
        select.setMaxRows(500);
        select.setString(1, kek.id());
        select.setString(2, after);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            batch.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
          }
        }
        if (batch.isEmpty()) {
          return rewrapped;
        }
        connection.setAutoCommit(true);
        try (PreparedStatement update =
            connection.prepareStatement(
                "update lethe_subject_key set wrapped_key = ?,"
                    + " kek_id = ? where subject = ? and kek_id = ?")) {
          for (String[] row : batch) {
            KeysetHandle handle = unwrap(row[0], row[1], row[2]);
            update.setString(1, wrap(row[0], handle));
            update.setString(2, kek.id());
            update.setString(3, row[0]);
            update.setString(4, row[2]);
            rewrapped += update.executeUpdate();
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("The subject keys could not be re-wrapped", e);
      }
      after = batch.get(batch.size() - 1)[0];
    }
  }

  /** How many subject keys are wrapped by the KEK named {@code kekId}: zero once a rotation away from it is done. */
  public long wrappedBy(String kekId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count =
            connection.prepareStatement(
                "select count(*) from lethe_subject_key where kek_id = ?")) {
      count.setString(1, requireNonNull(kekId, "kekId"));
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The subject keys could not be counted", e);
    }
  }

  private DataKey keyForWriting(String pseudonym, String header) {
    try {
      return cache.get(header, () -> read(pseudonym).orElseGet(() -> create(pseudonym)));
    } catch (ExecutionException | UncheckedExecutionException e) {
      throw new IllegalStateException("The subject's key could not be made or read", e.getCause());
    }
  }

  private Optional<DataKey> keyForReading(String header) {
    DataKey cached = cache.getIfPresent(header);
    if (cached != null) {
      return Optional.of(cached);
    }
    // An absent key is not cached: another replica may make it a moment later for a new row.
    Optional<DataKey> read = read(pseudonymOfHeader(header));
    read.ifPresent(key -> cache.put(header, key));
    return read;
  }

  private Optional<DataKey> read(String pseudonym) {
    try (Connection connection = dataSource.getConnection()) {
      return read(connection, pseudonym);
    } catch (SQLException e) {
      throw new IllegalStateException("The subject's key could not be read", e);
    }
  }

  private Optional<DataKey> read(Connection connection, String pseudonym) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "select wrapped_key, kek_id from lethe_subject_key where subject = ?")) {
      select.setString(1, pseudonym);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(primitive(unwrap(pseudonym, rows.getString(1), rows.getString(2))));
      }
    }
  }

  private DataKey create(String pseudonym) {
    NewKey made = generate();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      if (insertUnlessPresent(connection, pseudonym, made.handle())) {
        return made.key();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The subject's key could not be stored", e);
    }
    // Another replica or thread made the subject's key first: theirs is the key.
    return read(pseudonym)
        .orElseThrow(
            () -> new IllegalStateException("The subject's key was made and destroyed at once"));
  }

  private static int randomKeyId() {
    int id;
    do {
      id = RANDOM.nextInt();
    } while (id == 0);
    return id;
  }

  /** A new subject key: the keyset to wrap and store, and the key to encrypt with. */
  private record NewKey(KeysetHandle handle, DataKey key) {}

  /**
   * A fresh AES-256-GCM key (Tink's {@code AES256_GCM}: 32 random bytes, Tink's output prefix under a
   * random key id) in a keyset of its own. Made from its parts rather than by {@code
   * KeysetHandle.generateNew}, whose registry look-ups and primitive set cost more than the key.
   */
  private static NewKey generate() {
    try {
      int id = randomKeyId();
      AesGcmKey key =
          AesGcmKey.builder()
              .setParameters(PredefinedAeadParameters.AES256_GCM)
              .setKeyBytes(SecretBytes.randomBytes(32))
              .setIdRequirement(id)
              .build();
      KeysetHandle handle =
          KeysetHandle.newBuilder()
              .addEntry(KeysetHandle.importKey(key).withFixedId(id).makePrimary())
              .build();
      return new NewKey(handle, DataKey.of(key));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink cannot generate an AES-256-GCM key", e);
    }
  }

  /**
   * Stores {@code handle} as {@code pseudonym}'s key unless the subject has one; whether it did. A
   * concurrent insert of the same subject waits for the other transaction and then loses on the
   * primary key. PostgreSQL aborts a transaction on any failed statement, so there the conflict is
   * no error ({@code on conflict do nothing}); elsewhere a failed statement is undone alone, and a
   * savepoint keeps it so on databases this does not know.
   */
  private boolean insertUnlessPresent(Connection connection, String pseudonym, KeysetHandle handle)
      throws SQLException {
    Conflicts conflicts = Conflicts.of(connection);
    String sql =
        "insert into lethe_subject_key (subject, wrapped_key, kek_id, created_at) values (?, ?, ?, ?)"
            + (conflicts == Conflicts.ON_CONFLICT_DO_NOTHING
                ? " on conflict (subject) do nothing"
                : "");
    Savepoint savepoint =
        conflicts == Conflicts.SAVEPOINT && !connection.getAutoCommit()
            ? connection.setSavepoint()
            : null;
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setString(1, pseudonym);
      insert.setString(2, wrap(pseudonym, handle));
      insert.setString(3, kek.id());
      insert.setString(4, clock.instant().toString());
      boolean inserted = insert.executeUpdate() > 0;
      if (savepoint != null) {
        connection.releaseSavepoint(savepoint);
      }
      return inserted;
    } catch (SQLException e) {
      if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
        throw e;
      }
      if (savepoint != null) {
        connection.rollback(savepoint);
      }
      return false;
    }
  }

  /** How a database lets an insert lose to an existing key without spoiling its transaction. */
  private enum Conflicts {
    ON_CONFLICT_DO_NOTHING,
    STATEMENT_ALONE,
    SAVEPOINT;

    static Conflicts of(Connection connection) throws SQLException {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("postgres")) {
        return ON_CONFLICT_DO_NOTHING;
      }
      if (product.equals("h2") || product.contains("mysql") || product.contains("mariadb")) {
        return STATEMENT_ALONE;
      }
      return SAVEPOINT;
    }
  }

  private String wrap(String pseudonym, KeysetHandle handle) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              TinkProtoKeysetFormat.serializeEncryptedKeyset(
                  handle, kek.aead(), pseudonym.getBytes(UTF_8), RegistryConfiguration.get()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "The key-encryption key '" + kek.id() + "' cannot wrap a subject key", e);
    }
  }

  private KeysetHandle unwrap(String pseudonym, String wrapped, String kekId) {
    KeyEncryptionKey wrapping = keks.get(kekId);
    if (wrapping == null) {
      throw new IllegalStateException(
          "A subject key is wrapped by the key-encryption key '"
              + kekId
              + "', which these SubjectKeys do not know: add it with SubjectKeys.Builder.previous(..)");
    }
    try {
      return TinkProtoKeysetFormat.parseEncryptedKeyset(
          Base64.getDecoder().decode(wrapped),
          wrapping.aead(),
          pseudonym.getBytes(UTF_8),
          RegistryConfiguration.get());
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "A subject key does not unwrap with the key-encryption key '" + kekId + "'", e);
    }
  }

  private static DataKey primitive(KeysetHandle handle) {
    try {
      return DataKey.of(handle);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A subject key is no AEAD key", e);
    }
  }

  @Override
  public String toString() {
    return "SubjectKeys[kek=" + kek.id() + "]";
  }

  /**
   * The keys one transaction of the caller's uses and makes (Art. 32(1)(a)); see
   * {@link SubjectKeys#inTransaction}. One transaction, one thread: not thread-safe.
   */
  public final class InTransaction {

    private final Connection connection;
    // Keys this transaction stored, by header: nobody else sees them before it commits, so no cache
    // may hold them yet.
    private final Map<String, DataKey> made = new HashMap<>();
    // The pseudonym of each subject this transaction wrote, so that an entity's several values, and
    // several rows of one subject, cost one keyed hash. Dropped with the transaction.
    private final Map<SubjectKey, String> pseudonyms = new HashMap<>();

    private InTransaction(Connection connection) {
      this.connection = connection;
    }

    /**
     * {@code plaintext} encrypted with {@code subject}'s key, stored in this transaction if the
     * subject has none yet; if another transaction stores one first, that one is the key.
     *
     * @throws IllegalStateException if the key cannot be stored or read
     */
    public String encrypt(SubjectKey subject, String plaintext) {
      return encrypt(subject, plaintext, false);
    }

    /**
     * As {@link #encrypt}, for a value of the row that creates its subject (its root's insert), whose
     * key most likely does not exist: the key is stored at once, without looking for one first, and
     * read only if the subject has one after all.
     */
    public String encryptForNewSubject(SubjectKey subject, String plaintext) {
      return encrypt(subject, plaintext, true);
    }

    private String encrypt(SubjectKey subject, String plaintext, boolean probablyNew) {
      requireNonNull(plaintext, "plaintext");
      String pseudonym =
          pseudonyms.computeIfAbsent(
              requireNonNull(subject, "subject"), SubjectKeys.this::pseudonymOf);
      String header = headerOf(pseudonym);
      return SubjectKeys.encrypt(header, key(pseudonym, header, probablyNew), plaintext);
    }

    /**
     * Destroys {@code subject}'s key in this transaction; see {@link SubjectKeys#destroy(Connection, SubjectKey)}.
     */
    public boolean destroy(SubjectKey subject) {
      made.remove(headerOf(pseudonymOf(subject)));
      return SubjectKeys.this.destroy(connection, subject);
    }

    /**
     * The transaction ended: if it {@code committed}, the keys it made are cached like any other;
     * if not, they are forgotten, as their rows were rolled back.
     */
    public void completed(boolean committed) {
      if (committed) {
        cache.putAll(made);
      }
      made.clear();
      pseudonyms.clear();
    }

    private DataKey key(String pseudonym, String header, boolean probablyNew) {
      DataKey key = made.get(header);
      if (key == null) {
        key = cache.getIfPresent(header);
      }
      if (key != null) {
        return key;
      }
      try {
        if (probablyNew) {
          return create(pseudonym, header);
        }
        Optional<DataKey> stored = read(connection, pseudonym);
        if (stored.isPresent()) {
          // Committed, or this transaction's own (then it is in made): either way another may use
          // it.
          cache.put(header, stored.get());
          return stored.get();
        }
        return create(pseudonym, header);
      } catch (SQLException e) {
        throw new IllegalStateException("The subject's key could not be made or read", e);
      }
    }

    private DataKey create(String pseudonym, String header) throws SQLException {
      NewKey fresh = generate();
      if (insertUnlessPresent(connection, pseudonym, fresh.handle())) {
        if (connection.getAutoCommit()) {
          cache.put(header, fresh.key());
        } else {
          made.put(header, fresh.key());
        }
        return fresh.key();
      }
      // The subject has a key: another transaction stored it first and has committed (the insert
      // waited for it), or it was there already. It is read on a connection of its own: a
      // repeatable-read snapshot of this one may predate it.
      DataKey theirs =
          read(pseudonym)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "The subject's key was made and destroyed at once"));
      cache.put(header, theirs);
      return theirs;
    }
  }

  /** Options for {@link SubjectKeys}; build once at start-up. */
  public static final class Builder {

    private final DataSource dataSource;
    private final KeyEncryptionKey kek;
    private final Map<String, KeyEncryptionKey> keks = new LinkedHashMap<>();
    private final Pseudonymizer pseudonymizer;
    private Clock clock = Clock.systemUTC();
    private Duration cacheFor = DEFAULT_CACHE_TIME;
    private long cacheSize = 10_000;

    private Builder(DataSource dataSource, KeyEncryptionKey kek, Pseudonymizer pseudonymizer) {
      this.dataSource = dataSource;
      this.kek = kek;
      this.pseudonymizer = pseudonymizer;
      keks.put(kek.id(), kek);
    }

    /**
     * Older key-encryption keys that still wrap some subject keys, during a rotation (Art. 32(1)):
     * keys they wrap are unwrapped with them, and {@link SubjectKeys#rewrap()} moves them to the
     * current one.
     */
    public Builder previous(KeyEncryptionKey... older) {
      for (KeyEncryptionKey key : older) {
        keks.putIfAbsent(requireNonNull(key, "kek").id(), key);
      }
      return this;
    }

    /**
     * How long an unwrapped key is reused before it is read again (30 seconds by default);
     * zero reads every key every time. A destroyed key may be used by another replica for that long.
     */
    public Builder cacheFor(Duration time) {
      requireNonNull(time, "time");
      if (time.isNegative()) {
        throw new IllegalArgumentException("The cache time must not be negative, but is " + time);
      }
      this.cacheFor = time;
      return this;
    }

    /** At most how many unwrapped keys are cached; 10 000 by default. */
    public Builder cacheSize(long keys) {
      if (keys < 0) {
        throw new IllegalArgumentException("The cache size must not be negative, but is " + keys);
      }
      this.cacheSize = keys;
      return this;
    }

    /** The clock that dates new keys; UTC by default. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** The keys. */
    public SubjectKeys build() {
      return new SubjectKeys(this);
    }
  }
}
