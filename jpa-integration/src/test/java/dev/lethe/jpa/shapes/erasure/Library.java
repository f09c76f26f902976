package dev.lethe.jpa.shapes.erasure;

import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/** The library's entities and its one population: patron 1 and member 1 are erased, the others stay. */
public final class Library {

  /** Every entity of the domain. */
  public static final List<Class<?>> ENTITIES =
      List.of(Patron.class, Note.class, Loan.class, ClubMember.class, Device.class, Card.class);

  /** The tables, children first, as Hibernate names them by default. */
  private static final List<String> TABLES =
      List.of(
          "Patron_aliases",
          "Patron_signatures",
          "Note_tags",
          "Note",
          "Loan",
          "Device",
          "Card",
          "ClubMember",
          "Patron");

  private Library() {}

  /** Empties every table past the ORM (restrictions and filters would hide rows from it) and persists the population. */
  public static void populate(EntityManagerFactory emf, Consumer<String> execute) {
    TABLES.forEach(table -> execute.accept("delete from " + table));
    var em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      Patron ada =
          new Patron(
              1L,
              "ada@example.com",
              "Ada Lovelace",
              List.of("Abc", "abc", "abc "),
              List.of("Ada", "ada"));
      Patron bob = new Patron(2L, "bob@example.com", "Bob Babbage", List.of("Abc"), List.of("Ada"));
      em.persist(ada);
      em.persist(bob);
      // The hidden note has the smaller id: its elements come first when elements are read by
      // owner.
      em.persist(new Note(1L, ada, true, "Ada's archived note", List.of("alpha", "beta")));
      em.persist(new Note(2L, ada, false, "Ada's note", List.of("gamma")));
      em.persist(new Note(3L, bob, true, "Bob's archived note", List.of("zeta")));
      em.persist(new Loan(1L, ada, true, "Ada returned late"));
      em.persist(new Loan(2L, ada, false, "Ada borrowed"));
      em.persist(new Loan(3L, bob, true, "Bob returned"));
      em.persist(new ClubMember(1L, "mia@example.com", "Mia Closed", true));
      em.persist(new ClubMember(2L, "max@example.com", "Max Open", false));
      em.persist(new Device(1L, ada, sha256("Ada's phone")));
      em.persist(new Device(2L, bob, sha256("Bob's phone")));
      em.persist(new Card(1L, ada, LocalDate.of(2020, 1, 1), "Ada Lovelace"));
      em.persist(new Card(2L, bob, LocalDate.of(2020, 1, 1), "Bob Babbage"));
      em.getTransaction().commit();
    } finally {
      em.close();
    }
  }

  /** A SHA-256 hex digest, as device fingerprints are stored. */
  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
