package dev.lethe.access;

import static java.util.Objects.requireNonNull;

import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.RecordValues;
import dev.lethe.subject.SubjectKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A subject's copy of their data (Art. 15(3)) or their portable data (Art. 20(1)): whether any data
 * is processed, the data per entity type, and the Art. 15(1) information. The data is not held
 * here: each section streams its rows from the store when written, and each participant service's
 * report its chunks, so memory stays flat however many rows a subject has.
 */
public final class SubjectReport {

  private final String subjectType;
  private final Scope scope;
  private final Instant generatedAt;
  private final Article15Information information;
  private final List<Section> sections;
  private final Set<SubjectKey> subjects;
  private final PersonalDataStore store;
  private final ParticipantSections participantSections;

  /**
   * A report of {@code subjects}' rows in {@code sections}, read from {@code store} as it is written.
   * Applications get reports from {@code DataSubjectRights.access(requestId)}, which audits them
   * (Art. 5(2), 15); this constructor is for the makers of reports.
   */
  public SubjectReport(
      String subjectType,
      Scope scope,
      Instant generatedAt,
      Article15Information information,
      List<Section> sections,
      Set<SubjectKey> subjects,
      PersonalDataStore store) {
    this(
        subjectType,
        scope,
        generatedAt,
        information,
        sections,
        subjects,
        store,
        ParticipantSections.none());
  }

  private SubjectReport(
      String subjectType,
      Scope scope,
      Instant generatedAt,
      Article15Information information,
      List<Section> sections,
      Set<SubjectKey> subjects,
      PersonalDataStore store,
      ParticipantSections participantSections) {
    this.participantSections = requireNonNull(participantSections, "participantSections");
    this.subjectType = requireNonNull(subjectType, "subjectType");
    this.scope = requireNonNull(scope, "scope");
    this.generatedAt = requireNonNull(generatedAt, "generatedAt");
    this.information = requireNonNull(information, "information");
    this.sections = List.copyOf(sections);
    this.subjects = Set.copyOf(subjects);
    this.store = requireNonNull(store, "store");
  }

  /** The subject's type. */
  public String subjectType() {
    return subjectType;
  }

  /** Whether this is a copy for access or an export for portability. */
  public Scope scope() {
    return scope;
  }

  /** When the report was made. */
  public Instant generatedAt() {
    return generatedAt;
  }

  /** The Art. 15(1)(a)–(h) information. */
  public Article15Information information() {
    return information;
  }

  /**
   * The reports of the participant services that hold a share of the subject's data (Art. 15(1),
   * 15(3)), each a JSON document as the participant wrote it, read chunk by chunk when this report is
   * written; none when the data is held here only.
   */
  public ParticipantSections participantSections() {
    return participantSections;
  }

  /**
   * This report with the participants' reports added, as collected for an access request across
   * services: written with it, then forgotten.
   */
  public SubjectReport withParticipantSections(ParticipantSections sections) {
    requireNonNull(sections, "sections");
    return new SubjectReport(
        subjectType, scope, generatedAt, information, this.sections, subjects, store, sections);
  }

  /** One section per entity type that may hold the subject's data, in the model's order. */
  public List<Section> sections() {
    return sections;
  }

  /**
   * Art. 15(1): whether any personal data of the subject is processed. False for an identity that
   * matches nobody. Asks the store for at most one row per section, the subject's own row first.
   */
  public boolean processesPersonalData() {
    // The root's row is found by its key; another section's query may have to sort all of the
    // subject's rows of that type before it returns the first.
    Stream<Section> rootFirst =
        Stream.concat(
            sections.stream().filter(this::isRoot),
            sections.stream().filter(section -> !isRoot(section)));
    return rootFirst.anyMatch(
        section -> {
          try (Stream<Map<String, @Nullable Object>> rows = values(section)) {
            return rows.findAny().isPresent();
          }
        });
  }

  private boolean isRoot(Section section) {
    return section.entity().subjectRootOf().filter(subjectType::equals).isPresent();
  }

  /**
   * The values of the subject's rows of one section, with only the section's attributes, without the
   * rows' identifiers, which the subject has no use for. Streams from the store: the caller closes
   * the stream.
   */
  public Stream<Map<String, @Nullable Object>> values(Section section) {
    requireNonNull(section, "section");
    Stream<Map<String, @Nullable Object>> values =
        subjects.stream().flatMap(subject -> store.values(subject, section.entity()));
    // An access report shows every attribute the store returns: only portability needs a
    // projection, into one small array per row with the attribute names shared by the section's
    // rows.
    if (section.fields().equals(section.entity().fields())) {
      return values;
    }
    RecordValues.Layout layout =
        RecordValues.Layout.of(section.fields().stream().map(FieldDescriptor::name).toList());
    return values.map(layout::project);
  }

  /**
   * Runs {@code work}, which reads this report, in one reading of the store: its sections, read one
   * after another, may share one transaction instead of taking one each (Art. 15(3), 20(1)). For
   * the writers, which read the whole report at once.
   */
  <T, E extends Exception> T readingTogether(PersonalDataStore.ReadWork<T, E> work) throws E {
    return store.readingTogether(work);
  }

  @Override
  public String toString() {
    return "SubjectReport[" + subjectType + ", " + scope + ", " + sections.size() + " sections]";
  }

  /** What a report covers. */
  public enum Scope {
    /** Everything of the subject's (Art. 15). */
    ACCESS("Art. 15"),
    /** What the subject provided or was observed doing, under consent or contract (Art. 20). */
    PORTABILITY("Art. 20");

    private final String article;

    Scope(String article) {
      this.article = article;
    }

    /** The article the report answers. */
    public String article() {
      return article;
    }
  }

  /**
   * One entity type's part of the report.
   *
   * @param entity the entity
   * @param fields the attributes the report shows
   */
  public record Section(EntityDescriptor entity, List<FieldDescriptor> fields) {
    public Section {
      requireNonNull(entity, "entity");
      fields = List.copyOf(fields);
    }

    /** The section's name: the entity's name. */
    public String name() {
      return entity.name();
    }
  }
}
