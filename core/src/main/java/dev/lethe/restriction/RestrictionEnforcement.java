package dev.lethe.restriction;

/**
 * A personal-data store that also refuses the changes made outside Lethe to a restricted subject's
 * data, so that while a restriction stands the data is only stored (Art. 18(2)), such as lethe-jpa's
 * store through Hibernate's listeners. {@code Lethe.builder(..).build()} hands such a store the
 * restrictions of the services it builds.
 */
public interface RestrictionEnforcement {

  /**
   * From now on, refuses changes to the data of the subjects {@code restrictions} holds restricted.
   *
   * @throws IllegalStateException if this store, or another over the same data, already enforces restrictions
   */
  void enforce(Restrictions restrictions);
}
