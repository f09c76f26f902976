package dev.lethe.access;

import java.util.List;
import java.util.function.Consumer;

/** A report without participants' reports. */
enum NoParticipantSections implements ParticipantSections {
  INSTANCE;

  @Override
  public List<String> participants() {
    return List.of();
  }

  @Override
  public void read(String participant, Consumer<String> chunks) {
    throw new IllegalArgumentException(
        "The report holds no participant's report, of " + participant + " or any other");
  }

  @Override
  public void forget() {
    // Nothing kept.
  }
}
