package dev.lethe.records;

import dev.lethe.law.DataCategory;
import dev.lethe.model.FieldDescriptor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The version of a notice: a fingerprint of its material content (purposes with their bases, the
 * people and data each is about, recipients, transfers, retention and special categories), so that
 * every replica running the same code derives the same version without coordination, and any
 * material change gives a new one (Art. 7(1), 13(3)). Wording and order do not count.
 */
final class NoticeVersion {

  private static final int LENGTH = 12;

  private NoticeVersion() {}

  /** The version of the notice of {@code facts}: {@value #LENGTH} hexadecimal digits of a SHA-256. */
  public static String of(ProcessingFacts facts) {
    TreeSet<String> lines = new TreeSet<>();
    for (ProcessingActivity activity : facts.activities()) {
      String purpose = "purpose " + activity.purpose();
      lines.add(purpose + " basis " + Phrases.basis(activity.basis()));
      lines.add(purpose + " automated " + activity.solelyAutomatedDecisions());
      activity.subjectTypes().forEach(subject -> lines.add(purpose + " about " + subject));
      activity.dataCategories().stream()
          .map(DataCategory::code)
          .forEach(code -> lines.add(purpose + " data " + code));
      activity
          .recipients()
          .forEach(recipient -> lines.add(purpose + " recipient " + Phrases.recipient(recipient)));
      activity
          .transfers()
          .forEach(transfer -> lines.add(purpose + " transfer " + Phrases.transfer(transfer)));
      activity
          .erasureTimeLimits()
          .forEach(rule -> lines.add(purpose + " retention " + Phrases.retention(rule)));
    }
    facts.model().entities().stream()
        .flatMap(
            entity -> entity.fields().stream().flatMap(field -> sensitivity(entity.name(), field)))
        .forEach(lines::add);
    return sha256(String.join("\n", lines)).substring(0, LENGTH);
  }

  private static Stream<String> sensitivity(String entity, FieldDescriptor field) {
    return field.sensitivity().stream()
        .map(
            sensitivity ->
                "sensitive "
                    + entity
                    + "."
                    + field.name()
                    + " "
                    + sensitivity.category()
                    + " "
                    + sensitivity.condition().map(Enum::name).orElse("")
                    + " "
                    + sensitivity.authorisedBy().orElse(""));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }
}
