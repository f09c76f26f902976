package dev.lethe.spring.web;

import dev.lethe.objection.Objection;
import java.time.Instant;

/**
 * An objection to processing (Art. 21) as the REST API shows it, without the subject.
 *
 * @param purpose the purpose objected to
 * @param directMarketing whether it is direct marketing, to which objection is absolute (Art. 21(3))
 * @param article {@code Art. 21(2)} for direct marketing, else {@code Art. 21(1)}
 * @param objectedAt when the subject objected
 * @param stands whether it stands, or compelling grounds were recorded that override it (Art. 21(1))
 */
public record ObjectionView(
    String purpose, boolean directMarketing, String article, Instant objectedAt, boolean stands) {

  static ObjectionView of(Objection objection) {
    return new ObjectionView(
        objection.purpose(),
        objection.directMarketing(),
        objection.directMarketing() ? "Art. 21(2)" : "Art. 21(1)",
        objection.objectedAt(),
        objection.stands());
  }
}
