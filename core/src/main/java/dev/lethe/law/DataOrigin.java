package dev.lethe.law;

/**
 * Where a piece of personal data came from. It decides what portability covers (Art. 20: data the
 * subject provided, which includes what was observed of their use of a service) and what a notice
 * must say about the source when the data was not collected from the subject (Art. 14(2)(f),
 * Art. 15(1)(g)).
 */
public enum DataOrigin {
  /** Given by the subject: a form, an e-mail, a call. */
  PROVIDED("Art. 13", true),
  /** Observed from the subject's use of a service: logs, IP addresses, activity. */
  OBSERVED("Art. 13", true),
  /** Computed from other data by the controller. */
  DERIVED("Art. 14", false),
  /** Inferred about the subject, for example by profiling. */
  INFERRED("Art. 14", false),
  /**
   * Taken from publicly accessible sources, such as professional networks or company websites; a
   * notice must name the source (Art. 14(2)(f)), so such data states it with
   * {@code @PersonalData(source = ...)}.
   */
  PUBLICLY_AVAILABLE("Art. 14", false);

  private final String article;
  private final boolean portable;

  DataOrigin(String article, boolean portable) {
    this.article = article;
    this.portable = portable;
  }

  /** The article whose information duty applies to data of this origin. */
  public String article() {
    return article;
  }

  /** Whether data of this origin falls under the right to data portability (Art. 20(1)). */
  public boolean isPortable() {
    return portable;
  }
}
