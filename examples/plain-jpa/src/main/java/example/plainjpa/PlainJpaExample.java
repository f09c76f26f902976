package example.plainjpa;

import dev.lethe.Lethe;
import dev.lethe.access.SubjectReportWriter;
import dev.lethe.erasure.ErasureReceipt;
import dev.lethe.jpa.JpaPersonalDataStore;
import dev.lethe.law.ErasureGround;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestId;
import dev.lethe.request.RequestType;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import java.io.IOException;
import java.io.PrintStream;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Lethe over plain JPA: Hibernate on an in-memory H2 database, the model read from the entities,
 * then one access request (the copy as JSON on standard output, Art. 15(3)) and one erasure
 * (Art. 17), each after the identity check (Art. 12(6)).
 */
public final class PlainJpaExample {

  private PlainJpaExample() {}

  /** Runs the example, writing to standard output. */
  public static void main(String[] args) throws IOException {
    run(System.out);
  }

  /** Runs the example, writing the copy of the data and the erasure receipt to {@code out}. */
  public static ErasureReceipt run(PrintStream out) throws IOException {
    try (EntityManagerFactory emf =
        new HibernatePersistenceConfiguration("plain-jpa")
            .managedClasses(Subscriber.class, Booking.class)
            .jdbcUrl("jdbc:h2:mem:plain-jpa;DB_CLOSE_DELAY=-1")
            .property(PersistenceConfiguration.SCHEMAGEN_DATABASE_ACTION, "drop-and-create")
            .createEntityManagerFactory()) {
      emf.runInTransaction(
          em -> {
            Subscriber ada = new Subscriber(1L, "ada@example.com", "Ada Lovelace");
            em.persist(ada);
            em.persist(new Booking(1L, ada, "Vegetarian lunch, please"));
            em.persist(new Subscriber(2L, "grace@example.com", "Grace Hopper"));
          });

      // A real key comes from the environment and is kept apart from the database.
      Pseudonymizer pseudonymizer = Pseudonymizer.withRandomKey();
      JpaPersonalDataStore store = JpaPersonalDataStore.of(emf, pseudonymizer);
      // Every service over one model, clock and audit trail; the stores stay in memory here.
      DataSubjectRights rights =
          Lethe.builder(store.model(), pseudonymizer).personalData(store).build().rights();
      SubjectIdentifier ada = new SubjectIdentifier("subscriber", "email", "ada@example.com");

      RequestId access = rights.submit(RequestType.ACCESS, ada, Channel.EMAIL).id();
      rights.verify(access, "replied from the address");
      SubjectReportWriter.writeJson(rights.access(access), out);

      RequestId erasure = rights.submit(RequestType.ERASURE, ada, Channel.EMAIL).id();
      rights.verify(erasure, "replied from the address");
      ErasureReceipt receipt = rights.erase(erasure, ErasureGround.CONSENT_WITHDRAWN);
      out.println();
      out.println("Erased: " + receipt.rowsTouched() + " rows touched");
      return receipt;
    }
  }
}
