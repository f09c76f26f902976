package dev.lethe.records;

import static java.util.Objects.requireNonNull;

import dev.lethe.erasure.OtherCopy;
import dev.lethe.model.PersonalDataModel;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The record of processing activities that Art. 30(1) requires of a controller: its contacts, and
 * per purpose the lawful basis, the categories of data subjects and of personal data, recipients,
 * transfers to third countries, time limits for erasure, security measures and whether decisions
 * are solely automated. Generated from the model, so it says what the code does.
 *
 * <pre>{@code
 * RecordOfProcessing record = RecordOfProcessing.of(model, controller);
 * try (Writer out = Files.newBufferedWriter(Path.of("record-of-processing.md"))) {
 *   record.writeMarkdown(out);
 * }
 * }</pre>
 */
public final class RecordOfProcessing {

  private final ProcessingFacts facts;
  private final List<OtherCopy> otherCopies;

  private RecordOfProcessing(ProcessingFacts facts, List<OtherCopy> otherCopies) {
    this.facts = facts;
    this.otherCopies = otherCopies;
  }

  /**
   * The record of {@code model}'s processing by {@code controller} (Art. 30(1)).
   *
   * @throws UnknownRecipientException listing every recipient a purpose names that the controller does not describe
   */
  public static RecordOfProcessing of(PersonalDataModel model, Controller controller) {
    return new RecordOfProcessing(
        ProcessingFacts.of(
            requireNonNull(model, "model"), requireNonNull(controller, "controller")),
        List.of());
  }

  /**
   * This record, also listing {@code copies}: the copies of the data that erasure cannot reach, as
   * the store found them at start-up ({@code store.otherCopies()}), so that the record says where the
   * data also lies and who must act on an erasure there (Art. 17(2), 30(1)).
   */
  public RecordOfProcessing withOtherCopies(List<OtherCopy> copies) {
    return new RecordOfProcessing(facts, List.copyOf(requireNonNull(copies, "copies")));
  }

  /** The copies of the data that erasure cannot reach, as given to {@link #withOtherCopies}; empty by default. */
  public List<OtherCopy> otherCopies() {
    return otherCopies;
  }

  /** The controller the record is kept by (Art. 30(1)(a)). */
  public Controller controller() {
    return facts.controller();
  }

  /** One activity per purpose, in the model's order (Art. 30(1)(b)–(g)). */
  public List<ProcessingActivity> activities() {
    return facts.activities();
  }

  /**
   * What the model leaves undeclared that the record should state, such as an entity without a
   * retention period (Art. 30(1)(f)); empty when nothing is missing.
   */
  public List<String> gaps() {
    return facts.gaps();
  }

  /** Writes the record as Markdown (Art. 30(3): in writing). {@code out} is not closed. */
  public void writeMarkdown(Writer out) throws IOException {
    RecordFormats.document(facts, otherCopies).writeMarkdown(requireNonNull(out, "out"));
  }

  /**
   * Writes the record as one JSON object with {@code controller}, {@code activities},
   * {@code otherCopies} and {@code gaps} (Art. 30(3): in electronic form). {@code out} is not closed.
   */
  public void writeJson(Writer out) throws IOException {
    RecordFormats.writeJson(facts, otherCopies, requireNonNull(out, "out"));
  }

  /**
   * Writes the record as CSV (RFC 4180), a header and one row per activity, several values in a
   * cell separated by {@code "; "} (Art. 30(3): in electronic form); the other copies are in the
   * Markdown and JSON forms only, as they belong to no one activity. {@code out} is not closed.
   */
  public void writeCsv(Writer out) throws IOException {
    RecordFormats.writeCsv(facts, requireNonNull(out, "out"));
  }
}
