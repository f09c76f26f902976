package dev.lethe.erasure;

/**
 * What a replay of erasures did after a restore (Art. 17(1), 5(2)): counts only, no personal data.
 *
 * @param tombstones the tombstones read, one per subject erased since the given instant
 * @param subjects the subjects found again in the data and erased again
 * @param rowsTouched the rows those erasures deleted or overwrote; zero when nothing had come back
 */
public record ReappliedErasures(int tombstones, int subjects, long rowsTouched) {

  /** Whether the replay changed anything. */
  public boolean changedAnything() {
    return rowsTouched > 0;
  }
}
