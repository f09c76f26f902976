package dev.lethe.audit;

/** What an audit event records. Together the events show that the controller complies (Art. 5(2)). */
public enum AuditEventType {
  /** A rights request was received (Art. 12(3): the deadline starts). */
  REQUEST_SUBMITTED,
  /** The subject's identity was confirmed (Art. 12(6)). */
  IDENTITY_VERIFIED,
  /** The deadline was extended once, with a reason (Art. 12(3)). */
  REQUEST_EXTENDED,
  /** The request was refused as manifestly unfounded or excessive (Art. 12(4), 12(5)). */
  REQUEST_REJECTED,
  /** The action requested was taken. */
  REQUEST_FULFILLED,
  /** The subject was told of the action taken (Art. 12(3)). */
  REQUEST_COMPLETED,
  /** The request was withdrawn or closed without action. */
  REQUEST_CANCELLED,
  /** A subject's personal data was erased (Art. 17). */
  SUBJECT_ERASED,
  /**
   * An erasure was carried out again on data that came back, such as from a backup restored after
   * it (Art. 17(1), 5(2)): the subject by pseudonym, the ground, the rows touched. Never the values.
   */
  ERASURE_REAPPLIED,
  /**
   * Erasure tombstones were deleted once no backup taken before their erasures could be restored any
   * more (Art. 5(1)(e)); the erasures stay proven by their own events. Counts only.
   */
  ERASURE_TOMBSTONES_DELETED,
  /** A subject's personal data was corrected (Art. 16). */
  DATA_RECTIFIED,
  /** A copy of a subject's personal data was produced (Art. 15, Art. 20). */
  DATA_EXPORTED,
  /**
   * Closed rights requests lost the subject's identity after the period they keep it (Art. 5(1)(c),
   * 5(1)(e)); the requests stay as proof they were answered. Counts only.
   */
  REQUEST_IDENTITIES_CLEARED,
  /** A recipient was told of a rectification, erasure or restriction (Art. 19). */
  RECIPIENT_NOTIFIED,
  /** An attempt to tell a recipient failed; the notice stays in the outbox for its next attempt (Art. 19). */
  NOTIFICATION_FAILED,
  /**
   * Telling a recipient failed until the outbox's maximum age: the notice is dead until an
   * administrator retries it (Art. 19).
   */
  NOTIFICATION_DEAD,
  /**
   * A participant service answered a change passed on to it (Art. 17(2), 19): it carried the change
   * out, or holds no data of the subject. The recipient, the outcome and the rows it touched; no
   * identity.
   */
  RECIPIENT_ACKNOWLEDGED,
  /** A participant service answered that it could not carry a change out; the type of its failure (Art. 19). */
  RECIPIENT_FAILED,
  /**
   * An administrator closed a request without the receipts of the participants still outstanding,
   * with a recorded reason (Art. 5(2), 19).
   */
  ACKNOWLEDGEMENTS_WAIVED,
  /**
   * Dead outbox messages lost their payload, the subject's identity, after the outbox's retention of
   * dead messages (Art. 5(1)(c), 5(1)(e)); they can no longer be retried. Counts only.
   */
  OUTBOX_IDENTITIES_CLEARED,
  /**
   * An administrator made dead outbox messages due again, with a new maximum age (Art. 19). Counts
   * only, and the outbox's own id of the message when one was retried alone.
   */
  OUTBOX_MESSAGES_RETRIED,
  /**
   * Delivered outbox messages were deleted after the outbox's retention of delivered messages; their
   * delivery stays proven by the {@link #RECIPIENT_NOTIFIED} events. Counts only.
   */
  OUTBOX_DELIVERED_PURGED,
  /** A subject consented to a purpose (Art. 6(1)(a), Art. 7(1)). */
  CONSENT_GIVEN,
  /** A subject declined to consent to a purpose when asked (Art. 7(1)). */
  CONSENT_REFUSED,
  /** A subject withdrew their consent to a purpose (Art. 7(3)). */
  CONSENT_WITHDRAWN,
  /** The controller ended a subject's consent to a purpose before or without its expiry period (Art. 7(1)). */
  CONSENT_EXPIRED,
  /** A subject objected to processing for a purpose (Art. 21(1), 21(2)). */
  OBJECTION_RECORDED,
  /** The controller recorded compelling legitimate grounds that override an objection (Art. 21(1)). */
  OBJECTION_OVERRIDDEN,
  /** Processing of a subject's data was restricted (Art. 18(1)). */
  RESTRICTION_PLACED,
  /** A restriction was lifted, after the subject was told (Art. 18(3)). */
  RESTRICTION_LIFTED,
  /** A legal hold was placed on a subject or an entity type: erasure and retention leave the data (Art. 17(3)(e)). */
  LEGAL_HOLD_PLACED,
  /** A legal hold was lifted: erasure and retention reach the data again (Art. 17(3)(e)). */
  LEGAL_HOLD_LIFTED,
  /**
   * A personal-data breach was entered in the register (Art. 33(5)): its id, the assessed risk, the
   * categories and approximate numbers of subjects and records. Never a description or a subject.
   */
  BREACH_RECORDED,
  /** The supervisory authority was notified of a breach (Art. 33(1)); whether late, and the hours since awareness. */
  BREACH_AUTHORITY_NOTIFIED,
  /** A breach's risk was assessed anew (Art. 33(1), 34(1)): the risk before and after. */
  BREACH_RISK_ASSESSED,
  /** Notices of a breach were written to the outbox for the subjects it affects (Art. 34(1)); counts only. */
  BREACH_SUBJECTS_NOTIFIED,
  /** A subject was told of a breach (Art. 34(1)): the breach and the subject's pseudonym. */
  BREACH_NOTICE_DELIVERED,
  /** Telling a subject of a breach failed until the outbox's maximum age; an administrator can retry it (Art. 34(1)). */
  BREACH_NOTICE_DEAD
}
