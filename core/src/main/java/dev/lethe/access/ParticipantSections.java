package dev.lethe.access;

import java.util.List;
import java.util.function.Consumer;

/**
 * The reports of the participant services that hold a share of a subject's data (Art. 15(1), 15(3)),
 * each a JSON document as its participant wrote it. They are read chunk by chunk from where the
 * coordinator keeps them while {@link SubjectReportWriter} writes the subject's report, so that no
 * report is held whole in memory, and forgotten once it has written it (Art. 5(1)(c)).
 */
public interface ParticipantSections {

  /** The participants whose reports there are, in the order the reports are written. */
  List<String> participants();

  /**
   * Passes {@code participant}'s report to {@code chunks}, in order, one chunk at a time: their
   * concatenation is the report.
   *
   * @throws IllegalArgumentException if there is no report of that participant
   * @throws IllegalStateException if the reports were forgotten, such as after the subject's report
   *     was written once
   */
  void read(String participant, Consumer<String> chunks);

  /** Forgets every report (Art. 5(1)(c)): the subject's report that holds them has been written. */
  void forget();

  /** No participant's report: the subject's data is held here only. */
  static ParticipantSections none() {
    return NoParticipantSections.INSTANCE;
  }
}
