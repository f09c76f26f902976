package dev.lethe.spring;

import dev.lethe.law.ErasureGround;
import dev.lethe.law.RestrictionGround;
import dev.lethe.records.Recipient;
import dev.lethe.records.Transfer;
import dev.lethe.request.RequestType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Lethe's settings, under {@code lethe.*}.
 *
 * @param pseudonymKey the secret key, Base64-encoded and at least 32 bytes, for the keyed hashes
 *     that name subjects in the audit, the suppression list and erased {@code HASH} fields
 *     (Art. 4(5), 32); keep it apart from the database. Required, unless {@code development} is on
 *     or the database is an in-memory H2, HSQLDB or Derby one, which get a random key for the run.
 * @param development whether to run without a pseudonym key, using a random one per start: for
 *     development only, as pseudonyms then change with every restart
 * @param zone the controller's time zone, in which deadlines (Art. 12(3)) and retention periods
 *     (Art. 5(1)(e)) are counted; the system zone by default
 * @param controller the controller description for the Art. 30 record and the notice
 * @param deadlines the answer period per request type where it differs from one calendar month
 *     (Art. 12(3)), such as {@code restriction: P28D}
 * @param directMarketingPurposes the purposes that are direct marketing, to which an objection is
 *     absolute (Art. 21(2), (3))
 * @param suppressAfterErasure whether an erased subject's contact identities go on the
 *     suppression list, so they are not contacted again
 * @param retention retention enforcement (Art. 5(1)(e))
 * @param requests Lethe's own record of rights requests
 * @param restrictions how restrictions of processing are enforced across instances (Art. 18)
 * @param schema Lethe's own tables
 * @param web the optional REST API
 * @param outbox the outbox through which notices leave Lethe (Art. 19)
 * @param audit the keyed, hash-chained audit trail (Art. 5(2))
 * @param copies the copies of personal data that erasure cannot reach, found at start-up (Art. 17)
 * @param crypto crypto-shredding's key-encryption key, when lethe-crypto is on the class path
 *     (Art. 17(1), 32(1)(a))
 * @param services the other services that changes travel to and from (Art. 17(2), 19)
 * @param consent the consent ledger (Art. 7, 8)
 * @param console the pages for the people who answer requests, when lethe-spring-console is on the
 *     class path
 */
@ConfigurationProperties("lethe")
@Validated
public record LetheProperties(
    @Nullable String pseudonymKey,
    @DefaultValue("false") boolean development,
    @Nullable ZoneId zone,
    @DefaultValue @Valid ControllerProperties controller,
    @DefaultValue Map<RequestType, Period> deadlines,
    @DefaultValue List<String> directMarketingPurposes,
    @DefaultValue("true") boolean suppressAfterErasure,
    @DefaultValue @Valid RetentionProperties retention,
    @DefaultValue RequestProperties requests,
    @DefaultValue RestrictionProperties restrictions,
    @DefaultValue SchemaProperties schema,
    @DefaultValue @Valid WebProperties web,
    @DefaultValue @Valid OutboxProperties outbox,
    @DefaultValue @Valid AuditProperties audit,
    @DefaultValue CopiesProperties copies,
    @DefaultValue @Valid CryptoProperties crypto,
    @DefaultValue ServicesProperties services,
    @DefaultValue @Valid ConsentProperties consent,
    @DefaultValue @Valid ConsoleProperties console) {

  /** Every property, the pseudonym key masked: a configuration printed to a log must not give it away. */
  @Override
  public String toString() {
    return "LetheProperties[pseudonymKey="
        + (pseudonymKey == null ? "unset" : "<secret>")
        + ", development="
        + development
        + ", zone="
        + zone
        + ", controller="
        + controller
        + ", deadlines="
        + deadlines
        + ", directMarketingPurposes="
        + directMarketingPurposes
        + ", suppressAfterErasure="
        + suppressAfterErasure
        + ", retention="
        + retention
        + ", requests="
        + requests
        + ", restrictions="
        + restrictions
        + ", schema="
        + schema
        + ", web="
        + web
        + ", outbox="
        + outbox
        + ", audit="
        + audit
        + ", copies="
        + copies
        + ", crypto="
        + crypto
        + ", consent="
        + consent
        + ", console="
        + console
        + "]";
  }

  /**
   * The consent ledger.
   *
   * @param digitalAge the age of digital consent: below it, a child's consent to an information
   *     society service must be given or authorised by the holder of parental responsibility (Art.
   *     8(1)). 16 by default; a Member State may set it between 13 and 16, and other values are refused
   *     at start-up
   */
  public record ConsentProperties(@DefaultValue("16") @Min(13) @Max(16) int digitalAge) {}

  /**
   * Who the controller is, for the Art. 30(1) record and the Art. 13/14 notice.
   *
   * @param name the controller's name
   * @param address its postal address
   * @param email where subjects reach it
   * @param phone its phone number, if published
   * @param dpoEmail the data protection officer's e-mail, if one is designated (Art. 37)
   * @param authorityName the supervisory authority subjects may complain to (Art. 77)
   * @param authorityWebsite that authority's website
   * @param recipients every recipient that purposes name (Art. 13(1)(e)), each with its name, role,
   *     description and country, and for a processor its contract-reference and contract-date (Art.
   *     28(3)): a processor without them is a gap of the record of processing
   * @param transfers transfers to third countries and their safeguards (Art. 13(1)(f), 46)
   * @param securityMeasures the technical and organisational measures (Art. 30(1)(g), 32)
   */
  public record ControllerProperties(
      @DefaultValue("Unnamed controller") String name,
      @DefaultValue("Address not configured") String address,
      @DefaultValue("privacy@example.invalid") String email,
      @Nullable String phone,
      @Nullable String dpoEmail,
      @DefaultValue("Your national data protection authority") String authorityName,
      @DefaultValue("https://edpb.europa.eu/about-edpb/about-edpb/members_en")
          String authorityWebsite,
      @DefaultValue List<@Valid RecipientProperties> recipients,
      @DefaultValue List<TransferProperties> transfers,
      @DefaultValue List<String> securityMeasures) {}

  /**
   * A recipient of personal data.
   *
   * @param name the name purposes use in {@code @Processing(recipients = ...)}
   * @param role its role, a processor by default
   * @param description what it does, such as "E-mail hosting"
   * @param country where it is, as an ISO 3166 country code
   * @param contractReference for a processor, where the contract binding it (Art. 28(3)) is kept or what it
   *     is called, such as {@code DPA-2021-07}; a processor without one is a gap of the record of processing
   * @param contractDate when that contract was concluded, as an ISO date such as {@code 2021-07-01};
   *     required with {@code contract-reference}, and only with it
   */
  public record RecipientProperties(
      String name,
      @DefaultValue("PROCESSOR") Recipient.Role role,
      String description,
      String country,
      @Nullable String contractReference,
      @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate contractDate) {

    /** Whether the contract is stated whole or not at all: a reference without its date is no record of it. */
    @AssertTrue(
        message =
            "contract-reference and contract-date go together (Art. 28(3)): set both, or neither")
    public boolean isContractWhole() {
      return (contractReference == null || contractReference.isBlank()) == (contractDate == null);
    }

    /** The recipient, bound by its contract if one is stated (Art. 28(3)). */
    Recipient toRecipient() {
      Recipient recipient = new Recipient(name, role, description, country);
      return contractReference == null || contractDate == null
          ? recipient
          : recipient.withContract(contractReference, contractDate);
    }
  }

  /**
   * A transfer to a third country.
   *
   * @param recipient the recipient's name
   * @param country the third country, as an ISO 3166 code
   * @param safeguard the safeguard of Chapter V
   * @param reference where the safeguard is documented
   */
  public record TransferProperties(
      String recipient, String country, Transfer.Safeguard safeguard, String reference) {}

  /**
   * Retention enforcement.
   *
   * @param enabled whether retention runs on its schedule
   * @param cron when it runs, as a Spring cron expression; 03:00 every day by default
   * @param batchSize rows per batch and transaction
   * @param lockAtMostFor how long one instance may hold the cluster-wide retention lock
   * @param backupsRestorableFor how old the oldest backup your backup policy may restore can be: the
   *     retention run deletes the tombstones of erasures older than that, which only a restore of an
   *     older backup would need (Art. 5(1)(e), 17(1)); unset, they are kept for ever and start-up
   *     says so at WARN
   */
  public record RetentionProperties(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("0 0 3 * * *") String cron,
      @DefaultValue("1000") @Positive int batchSize,
      @DefaultValue("PT1H") Duration lockAtMostFor,
      @Nullable Duration backupsRestorableFor) {}

  /**
   * Lethe's record of rights requests.
   *
   * @param identityRetention how long a closed request keeps its subject's identity in clear, after
   *     it closed; then the retention run replaces it (Art. 5(1)(c), 5(1)(e)). Three months by
   *     default, the longest Art. 12(3) answer period, for follow-ups and complaints about the answer
   */
  public record RequestProperties(@DefaultValue("P3M") Period identityRetention) {}

  /**
   * The audit trail's chain (Art. 5(2)) shared by every instance.
   *
   * @param chainKey the secret key, Base64-encoded and at least 32 bytes, of the HMAC-SHA256 that
   *     chains the audit's events, so that whoever can edit the audit table but lacks the key cannot
   *     re-chain a rewritten suffix (Art. 5(2), 32). Keep it apart from the database, like the
   *     pseudonym key, and the same in every instance. Unset, it is derived from the pseudonym key
   *     under a label of its own; a separate key means that holding the pseudonym key is not enough
   *     to forge the chain. Set it before the first event: events chained under another key (the
   *     derived one included) no longer verify
   * @param checkpointInterval every how many events the audit's head is logged at INFO as a
   *     checkpoint ({@code sequence:hash}), to keep outside the database so that a truncated or
   *     rewritten chain shows after a restart; 1000 by default
   */
  public record AuditProperties(
      @Nullable String chainKey, @DefaultValue("1000") @Positive int checkpointInterval) {

    @Override
    public String toString() {
      // The key is a secret: never in a log line or an actuator's view of the properties.
      return "AuditProperties[chainKey="
          + (chainKey == null ? "derived" : "<secret>")
          + ", checkpointInterval="
          + checkpointInterval
          + "]";
    }
  }

  /**
   * Crypto-shredding (Art. 17(1), 32(1)(a)): {@code @Encrypted} attributes are stored encrypted with
   * their subject's own key, kept in {@code lethe_subject_key} wrapped by this key-encryption key
   * (KEK), and erasure destroys the subject's key. Used when lethe-crypto is on the class path; with
   * {@code @Encrypted} attributes and no KEK, the application does not start (unless
   * {@code lethe.development} is on, which uses a random KEK). For a KMS, or a rotation with the old
   * KEK beside the new one, define your own {@code SubjectKeys} bean.
   *
   * @param keyset the keyset of {@code keyset-path} inline, for example from the environment variable
   *     {@code LETHE_CRYPTO_KEYSET}; set this or {@code keyset-path}, not both
   * @param keysetPath a file holding the KEK as a cleartext Tink JSON keyset, such as
   *     {@code KeyEncryptionKey.generateKeyset()} writes: a secrets mount, never beside the database
   *     it protects
   * @param kekId the KEK's name, stored beside every subject key it wraps; give a new keyset a new
   *     name, so that a rotation knows which keys to re-wrap. {@code local-1} by default
   * @param cacheFor how long an unwrapped subject key is reused before it is read again; another
   *     replica may use a destroyed key for that long. 30 seconds by default; {@code 0s} reads every
   *     key every time
   */
  // keyset's @param comes before keysetPath's: the configuration processor describes a property by
  // the first @param that starts with its name, which would otherwise be keysetPath's.
  public record CryptoProperties(
      @Nullable Path keysetPath,
      @Nullable String keyset,
      @DefaultValue("local-1") String kekId,
      @DefaultValue("30s") Duration cacheFor) {

    /** Whether a KEK is configured, inline or by file. */
    public boolean configured() {
      return keysetPath != null || (keyset != null && !keyset.isBlank());
    }

    @Override
    public String toString() {
      // The inline keyset is a secret: never in a log line or an actuator's view of the properties.
      return "CryptoProperties[keysetPath="
          + keysetPath
          + ", keyset="
          + (keyset == null ? "unset" : "<secret>")
          + ", kekId="
          + kekId
          + ", cacheFor="
          + cacheFor
          + "]";
    }
  }

  /**
   * Restrictions of processing (Art. 18) across instances sharing one database.
   *
   * @param maxStaleness the longest time a restriction saved by another instance may go unenforced
   *     here, or one lifted there still enforced: an instance trusts what it last read of the
   *     restriction table this long, so that ordinary writes cost no query; {@code 0s} makes every
   *     write look. One second by default
   */
  public record RestrictionProperties(@DefaultValue("1s") Duration maxStaleness) {}

  /**
   * Lethe's own tables ({@code lethe_*}).
   *
   * @param migrate whether Lethe applies its Flyway migrations at start-up, before the application's
   *     own; turn it off if you manage the schema otherwise and take the SQL from lethe-jdbc
   */
  public record SchemaProperties(@DefaultValue("true") boolean migrate) {}

  /**
   * The REST API. Every limit is checked before anything is written: a field over its limit is a
   * 400 problem, a body over {@code max-body-size} a 413, a self-service caller over their allowance
   * of new requests a 429 with {@code Retry-After}.
   *
   * @param enabled whether the admin and self-service endpoints are served
   * @param basePath where they are served
   * @param adminRole the role the admin endpoints require when Spring Security is present
   * @param subjectType the subject type a signed-in user is, for the self-service endpoints
   * @param identity the identity the user's principal name is, such as {@code email}
   * @param authenticationChallenge the {@code WWW-Authenticate} challenge of a 401 answer (RFC 9110):
   *     name the scheme your security signs callers in with, such as {@code Basic realm="shop"}
   * @param maxIdentityLength the longest identity value a request may name the subject by, in
   *     characters; at most 320, the length Lethe's request table holds (an e-mail address has at
   *     most 254)
   * @param maxReasonLength the longest free text (a reason, an explanation, a corrected value), in
   *     characters
   * @param maxBodySize the largest request body; a larger one is refused with 413 before it is read
   * @param maxNewRequestsPerCaller how many rights requests one self-service caller may make within
   *     {@code new-requests-window}; counted from Lethe's request table, so that the allowance holds
   *     across every replica. Admin submissions are not counted: they are the controller's staff
   *     recording what subjects sent
   * @param newRequestsWindow the period over which a caller's new requests are counted
   */
  public record WebProperties(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("/lethe") String basePath,
      @DefaultValue("LETHE_ADMIN") String adminRole,
      @DefaultValue("customer") String subjectType,
      @DefaultValue("email") String identity,
      @DefaultValue("Bearer realm=\"lethe\"") @NotBlank String authenticationChallenge,
      @DefaultValue("320") @Positive @Max(320) int maxIdentityLength,
      @DefaultValue("2000") @Positive int maxReasonLength,
      @DefaultValue("16KB") DataSize maxBodySize,
      @DefaultValue("10") @Positive int maxNewRequestsPerCaller,
      @DefaultValue("PT1H") Duration newRequestsWindow) {}

  /**
   * The console: server-rendered pages for the people who answer rights requests (Art. 12), from
   * {@code lethe-spring-console}. Its pages need the application's Spring Security: a signed-in user
   * with the admin role, and a CSRF token in every form.
   *
   * @param enabled whether the console's pages are served; off by default, as they show every request
   * @param basePath where the console's pages are served
   * @param adminRole the role a user needs to see the console, without Spring Security's {@code ROLE_} prefix
   * @param zone the time zone the console shows dates and times in, to the minute; {@code lethe.zone} by
   *     default, else the system zone
   * @param pageSize requests per page of the queue
   * @param dueSoonDays how many days before its deadline an open request is flagged as due soon
   */
  public record ConsoleProperties(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("/lethe/console") @NotBlank String basePath,
      @DefaultValue("ADMIN") @NotBlank String adminRole,
      @Nullable ZoneId zone,
      @DefaultValue("25") @Positive @Max(500) int pageSize,
      @DefaultValue("7") @PositiveOrZero int dueSoonDays) {}

  /**
   * The outbox's dispatcher, which delivers Art. 19 notices to recipients. Every replica runs it:
   * the outbox hands each notice to one dispatcher at a time.
   *
   * @param enabled whether the dispatcher runs in this instance
   * @param interval the pause between two passes over the due notices
   * @param batchSize notices claimed per transaction
   * @param initialBackOff the wait after a notice's first failed attempt; it doubles after each further one
   * @param maxBackOff the longest wait between two attempts
   * @param maxAge how long a notice is retried, from when it was written or an administrator retried
   *     it, before it is marked dead and waits for an administrator
   * @param lease how long a claimed notice is held by its dispatcher: after it, another one takes it
   *     over, as after a crash; longer than the slowest delivery
   * @param deadIdentityRetention how long a dead notice keeps the subject's identity for an
   *     administrator's retry, from when it was declared dead; then the retention run clears it, and
   *     the notice stays dead for good (Art. 5(1)(e)). 30 days by default: a notice is dead only after
   *     {@code max-age} of failed attempts and is shown in the gauges and the admin API from then on,
   *     which leaves a month to repair the recipient's side and retry
   * @param deliveredRetention how long a delivered notice's row stays, from its delivery, before the
   *     retention run deletes it. It holds no personal data (key, recipient, times); while it stays,
   *     notifying again of the same change sends nothing twice. 30 days by default; the audit keeps
   *     the proof of delivery
   */
  public record OutboxProperties(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("PT10S") Duration interval,
      @DefaultValue("100") @Positive int batchSize,
      @DefaultValue("PT10S") Duration initialBackOff,
      @DefaultValue("PT1H") Duration maxBackOff,
      @DefaultValue("P3D") Duration maxAge,
      @DefaultValue("PT5M") Duration lease,
      @DefaultValue("P30D") Duration deadIdentityRetention,
      @DefaultValue("P30D") Duration deliveredRetention) {}

  /**
   * The copies of the model's personal data that the JPA store finds at start-up and its erasure
   * cannot reach: triggers, views and materialized views, publications, Envers tables while Envers
   * is off, caches, unmapped tables with personal column names (Art. 17(1), 17(2), 30(1)). Each is
   * logged as a warning, shown by the {@code lethe} actuator endpoint and listed in the Art. 30 record.
   *
   * @param refuse whether the application refuses to start while a copy is found that is not
   *     accepted; off by default
   * @param accepted the copies someone has looked at and accepted, each as the finding names it
   *     (its {@code where}, such as {@code trigger customer_touch on table customer}): still listed,
   *     logged at INFO, never refused
   */
  public record CopiesProperties(
      @DefaultValue("false") boolean refuse, @DefaultValue List<String> accepted) {}

  /**
   * The other services that rectifications, erasures and restrictions travel to (Art. 17(2), 19), over
   * the broker lethe-kafka or lethe-amqp connects to.
   *
   * @param name this service's name, as the other services' processing declares it among their
   *     recipients: the broker address its messages come to. Required with {@code participants} or
   *     {@code coordinator}
   * @param participants the recipients, among those the processing declares, that are services running
   *     Lethe: each is sent its notices over the broker and answers with a receipt, and a request
   *     completes only once each has acknowledged (this service is then their coordinator)
   * @param coordinator the service whose notices this one carries out on its own data, answering each
   *     with a receipt (this service is then a participant)
   * @param erasureGround the ground this service records for the erasures it carries out for the
   *     coordinator
   * @param restrictionGround the ground this service records for the restrictions it places for the
   *     coordinator
   * @param amqp the RabbitMQ broker the messages travel through, with lethe-amqp
   * @param kafka the Kafka cluster the messages travel through, with lethe-kafka
   * @param webhooks the recipients told by a signed HTTP call, by the recipient's name as the
   *     processing declares it: external processors that expose an endpoint. A 2xx answer acknowledges
   *     the notice; failures are retried with the outbox's back-off
   * @param settledRetention how long the retention run keeps a participant's settled acknowledgement
   *     (coordinator) and a receipt kept for redelivery (participant), neither holding personal data;
   *     the audit keeps the proof. Longer than the outbox's maximum age, so that a notice retried late is
   *     still recognised. 30 days by default
   * @param sectionChunkSize the most bytes of this participant's report of a subject (Art. 15) one
   *     broker message carries; a longer report travels in several. Escaped, a message takes at most
   *     twice this, so the default of 256KB stays below Kafka's default limit of 1 MB per message. From
   *     4B to 4MB
   * @param subjectTypes with {@code coordinator}: the coordinator's subject types that this service
   *     knows under another name, coordinator's name to this service's; by default the same name
   * @param purposes with {@code coordinator}: the coordinator's purposes that this service processes
   *     under another name, for the objections and consent withdrawals passed on; by default the same name
   * @param attributes with {@code coordinator}: the coordinator's attributes that this service keeps
   *     under another name, for the rectifications passed on; by default the same name
   */
  public record ServicesProperties(
      @Nullable String name,
      @DefaultValue List<String> participants,
      @Nullable String coordinator,
      @DefaultValue("NO_LONGER_NECESSARY") ErasureGround erasureGround,
      @DefaultValue("ACCURACY_CONTESTED") RestrictionGround restrictionGround,
      @DefaultValue AmqpProperties amqp,
      @DefaultValue KafkaProperties kafka,
      @DefaultValue Map<String, WebhookProperties> webhooks,
      @DefaultValue("P30D") Duration settledRetention,
      @DefaultValue("256KB") DataSize sectionChunkSize,
      @DefaultValue Map<String, String> subjectTypes,
      @DefaultValue Map<String, String> purposes,
      @DefaultValue Map<String, String> attributes) {

    /** Whether this service passes changes on to participants, or carries out a coordinator's. */
    public boolean connected() {
      return !participants.isEmpty() || coordinator != null;
    }
  }

  /**
   * A recipient's webhook: notices are POSTed to it, signed with HMAC-SHA256 in the {@code
   * Lethe-Signature} header ({@code dev.lethe.webhook.WebhookSignature} verifies it on the receiving side).
   *
   * @param url the endpoint, http or https
   * @param secret the shared secret, Base64-encoded, at least 16 bytes
   */
  public record WebhookProperties(java.net.@Nullable URI url, @Nullable String secret) {

    /** The URL only: the secret is masked. */
    @Override
    public String toString() {
      return "WebhookProperties[url=" + url + ", secret=<masked>]";
    }
  }

  /**
   * The RabbitMQ broker (lethe-amqp): a durable direct exchange, one durable queue per service.
   *
   * @param host the broker's host; setting it turns the transport on
   * @param port its AMQP port
   * @param username the user
   * @param password the user's password
   * @param virtualHost the virtual host
   * @param exchange the exchange every service publishes to
   */
  public record AmqpProperties(
      @Nullable String host,
      @DefaultValue("5672") int port,
      @DefaultValue("guest") String username,
      @DefaultValue("guest") String password,
      @DefaultValue("/") String virtualHost,
      @DefaultValue("lethe") String exchange) {

    /** Every setting, the password masked. */
    @Override
    public String toString() {
      return "AmqpProperties[host="
          + host
          + ", port="
          + port
          + ", username="
          + username
          + ", password=<masked>,"
          + " virtualHost="
          + virtualHost
          + ", exchange="
          + exchange
          + "]";
    }
  }

  /**
   * The Kafka cluster (lethe-kafka): one compacted topic per service, {@code lethe.<name>}.
   *
   * @param bootstrapServers the cluster's bootstrap servers; setting them turns the transport on
   * @param createTopics whether to create the topics of this service, its participants and its
   *     coordinator at start-up when missing, compacted as lethe-kafka's {@code KafkaTopics} sets them
   * @param properties Kafka client settings given to every client Lethe makes (producer, consumer and
   *     admin), such as {@code security.protocol} and {@code sasl.jaas.config} for a secured cluster
   * @param consumer Kafka consumer settings for this service's inbox only, such as {@code
   *     session.timeout.ms} (how soon a replica that died hands its partitions over)
   */
  public record KafkaProperties(
      @Nullable String bootstrapServers,
      @DefaultValue("true") boolean createTopics,
      @DefaultValue Map<String, String> properties,
      @DefaultValue Map<String, String> consumer) {

    /** Every setting; the values of the clients' settings masked, as they may hold credentials. */
    @Override
    public String toString() {
      return "KafkaProperties[bootstrapServers="
          + bootstrapServers
          + ", createTopics="
          + createTopics
          + ", properties="
          + properties.keySet()
          + ", consumer="
          + consumer.keySet()
          + "]";
    }
  }
}
