package dev.lethe.spring.web;

import dev.lethe.model.Purpose;
import dev.lethe.objection.Objections;
import java.util.List;

/**
 * The purposes a subject type's subjects may object to (Art. 21): those on legitimate interests or a
 * public task (Art. 21(1)) and those configured as direct marketing (Art. 21(2)).
 */
final class ObjectablePurposes {

  private ObjectablePurposes() {}

  /** Refuses any other purpose, listing the open ones without repeating the name the caller sent. */
  static void require(Objections objections, String subjectType, String purpose) {
    List<String> open =
        objections.objectablePurposes(subjectType).stream().map(Purpose::name).toList();
    if (!open.contains(purpose)) {
      throw new IllegalArgumentException(
          "Objection (Art. 21) is taken to the purposes "
              + open
              + " only: the others"
              + " rest on consent, which is withdrawn instead (Art. 7(3)), or on a contract or a legal obligation");
    }
  }
}
