package dev.lethe.jpa.clinic;

import dev.lethe.subject.SubjectKey;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** The clinic's entity classes and populations of them, each value tagged with its subject. */
public final class Clinic {

  /** Every entity class of the clinic. */
  public static final List<Class<?>> ENTITIES =
      List.of(
          Owner.class,
          Vet.class,
          Pet.class,
          Dog.class,
          Visit.class,
          Document.class,
          Invoice.class,
          Letter.class,
          Referral.class,
          ReminderLog.class,
          Review.class,
          Message.class,
          Complaint.class,
          VetLicense.class);

  private Clinic() {}

  /** The tag in every text value of a subject, such as {@code [o3]}; no other subject's tag contains it. */
  public static String tag(SubjectKey subject) {
    return "[" + subject.subjectType().charAt(0) + subject.id() + "]";
  }

  /**
   * A population to persist, with each subject's text values, soft-deleted rows and what to
   * delete softly after persisting.
   *
   * @param rows the rows, in an order that persists
   * @param softDeleted the rows to remove (soft-delete) after persisting
   * @param values each subject's personal-data values as text, soft-deleted rows included
   */
  public record Population(
      List<Object> rows, List<Object> softDeleted, Map<SubjectKey, Set<String>> values) {

    /** Persists the population into the emptied schema of {@code emf}. */
    public void persistInto(EntityManagerFactory emf) {
      emf.getSchemaManager().truncate();
      emf.runInTransaction(em -> rows.forEach(em::persist));
      emf.runInTransaction(em -> softDeleted.forEach(row -> em.remove(em.merge(row))));
      emf.getCache().evictAll();
    }

    /** The subjects of the population. */
    public Set<SubjectKey> subjects() {
      return values.keySet();
    }
  }

  /** A random population of {@code owners} owners and {@code vets} vets, from {@code seed}. */
  public static Population random(long seed, int owners, int vets) {
    Random random = new Random(seed);
    Builder builder = new Builder();
    for (int o = 1; o <= owners; o++) {
      builder.owner(
          o,
          random.nextInt(3),
          random.nextInt(3),
          random.nextInt(3),
          random.nextInt(2),
          random.nextInt(3),
          random.nextInt(3),
          random.nextInt(3),
          random.nextInt(3),
          false,
          random);
    }
    for (int v = 1; v <= vets; v++) {
      builder.vet(v, random.nextInt(3));
    }
    return builder.build();
  }

  /**
   * One owner with {@code n} rows of every entity type that reaches owners and one vet, for
   * counting statements. Hashed and masked values repeat, so that the number of distinct values
   * (each costing one statement) does not grow with {@code n}.
   */
  public static Population uniform(int n) {
    Builder builder = new Builder();
    builder.owner(1, n, n, n, n, n, n, n, 1, true, new Random(n));
    builder.owner(2, 1, 1, 1, 1, 1, 1, 1, 1, true, new Random(n));
    builder.vet(1, n);
    return builder.build();
  }

  private static final class Builder {
    private final List<Object> rows = new ArrayList<>();
    private final List<Object> softDeleted = new ArrayList<>();
    private final Map<SubjectKey, Set<String>> values = new LinkedHashMap<>();
    private long nextId = 1000;

    void owner(
        int number,
        int phones,
        int pets,
        int documents,
        int referrals,
        int reminders,
        int reviews,
        int messages,
        int visitsPerPet,
        boolean repeatValues,
        Random random) {
      SubjectKey key = new SubjectKey("owner", (long) number);
      String t = tag(key);
      Set<String> mine = values.computeIfAbsent(key, ignored -> new LinkedHashSet<>());
      List<String> phoneNumbers = new ArrayList<>();
      for (int p = 1; p <= phones; p++) {
        phoneNumbers.add("+44 " + t + " 555 " + (repeatValues ? 0 : p));
      }
      Owner owner =
          new Owner(
              (long) number,
              "Name " + t,
              "owner" + t + "@example.com",
              new Address(t + " " + (1 + random.nextInt(99)) + " High Street", "City " + t),
              phoneNumbers);
      add(owner, mine, owner.name, owner.email, owner.address.street, owner.address.city);
      mine.addAll(phoneNumbers);
      for (int p = 1; p <= pets; p++) {
        Pet pet =
            p % 2 == 0 || repeatValues && p % 2 == 1
                ? new Dog(
                    nextId++,
                    owner,
                    "Rex " + t + " " + p,
                    "chip " + t + (repeatValues ? "" : " " + p))
                : new Pet(nextId++, owner, "Tom " + t + " " + p);
        add(pet, mine, pet.petName);
        if (pet instanceof Dog dog) {
          mine.add(dog.chip);
        }
        for (int v = 1; v <= visitsPerPet; v++) {
          Visit visit =
              new Visit(
                  nextId++,
                  pet,
                  LocalDate.of(2025, 1, 1).plusDays(v),
                  "notes " + t + " " + p + "/" + v);
          add(visit, mine, visit.notes);
        }
        if (repeatValues) {
          Pet plain = new Pet(nextId++, owner, "Tom " + t + " " + p);
          add(plain, mine, plain.petName);
        }
      }
      for (int d = 1; d <= documents; d++) {
        Invoice invoice =
            new Invoice(
                nextId++,
                owner,
                "Invoice " + t + " " + d,
                "Billing " + t + " " + d,
                new BigDecimal(number * 1000 + d));
        add(invoice, mine, invoice.title, invoice.billingName);
        Letter letter = new Letter(nextId++, owner, "Letter " + t + " " + d, "Dear " + t + " " + d);
        add(letter, mine, letter.title, letter.body);
      }
      for (int r = 1; r <= referrals; r++) {
        Referral referral = new Referral(nextId++, Set.of(owner), "Referral " + t + " " + r);
        add(referral, mine, referral.reason);
      }
      for (int r = 1; r <= reminders; r++) {
        ReminderLog log = new ReminderLog(nextId++, owner.email, "Reminder " + t + " " + r);
        add(log, mine, log.message);
      }
      for (int r = 1; r <= reviews; r++) {
        Review review = new Review(nextId++, owner, "Review " + t + (repeatValues ? "" : " " + r));
        add(review, mine, review.comment);
        if (r % 2 == 0) {
          softDeleted.add(review);
        }
      }
      for (int c = 1; c <= reviews; c++) {
        // Every third without details: erasure still replaces its signature, and counts the row
        // once.
        Complaint complaint =
            new Complaint(
                nextId++,
                owner,
                c % 3 == 0 ? null : "Complaint " + t + " " + c,
                "Signed " + t + " " + c);
        rows.add(complaint);
        if (complaint.details != null) {
          mine.add(complaint.details);
        }
        mine.add(complaint.signedBy);
        if (c % 2 == 0) {
          softDeleted.add(complaint);
        }
      }
      for (int m = 1; m <= messages; m++) {
        Message message = new Message(nextId++, owner, "Message " + t + " " + m);
        add(message, mine, message.body);
        if (m % 2 == 1) {
          softDeleted.add(message);
        }
      }
    }

    void vet(int number, int licenses) {
      SubjectKey key = new SubjectKey("vet", (long) number);
      String t = tag(key);
      Set<String> mine = values.computeIfAbsent(key, ignored -> new LinkedHashSet<>());
      Vet vet = new Vet((long) number, "Vet " + t, "vet" + t + "@example.com");
      add(vet, mine, vet.name, vet.email);
      for (int l = 1; l <= licenses; l++) {
        VetLicense license = new VetLicense(nextId++, vet, "LIC " + t + " " + l);
        add(license, mine, license.licenseNumber);
      }
    }

    private void add(Object row, Set<String> mine, String... texts) {
      rows.add(row);
      mine.addAll(List.of(texts));
    }

    Population build() {
      return new Population(List.copyOf(rows), List.copyOf(softDeleted), Map.copyOf(values));
    }
  }
}
