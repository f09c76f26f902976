package dev.lethe.annotation;

/**
 * How one personal-data field is erased when its subject exercises the right to erasure
 * (Art. 17). A store applies the strategy with set-based statements; the receipt reports it.
 */
public enum ErasureStrategy {
  /** Delete the whole row that holds the field. */
  DELETE_ROW,
  /** Set the field to null. Not possible on a primitive field. */
  NULLIFY,
  /**
   * Overwrite with a fixed placeholder of the field's type. Without a stated placeholder a
   * type-aware default is used that still passes the usual constraints (an e-mail stays an e-mail).
   */
  REPLACE,
  /**
   * Replace a text with its keyed hash (HMAC): equal inputs stay linkable inside one controller
   * only, and the original cannot be recovered without the key (Art. 4(5) pseudonymisation).
   */
  HASH,
  /** Keep the first and last characters of a text and mask the rest. */
  MASK,
  /** Keep the field, under a stated exemption of Art. 17(3); the receipt says which and why. */
  KEEP
}
