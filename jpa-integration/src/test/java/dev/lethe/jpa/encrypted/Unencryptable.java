package dev.lethe.jpa.encrypted;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.Encrypted;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Every way an encrypted attribute is refused: its subject unknown at insert, an identity unsearchable, a hash, a date. */
@Entity
@DataSubject("visitor")
@Processing(purpose = "care", basis = LawfulBasis.Kind.CONTRACT)
public class Unencryptable {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.HASH)
  @Encrypted
  public @Nullable String email;

  @PersonalData(category = "identity.name")
  @Encrypted
  public @Nullable LocalDate born;

  @Encrypted public @Nullable String unannotated;

  @OneToMany public List<Stray> strays = new ArrayList<>();

  /** A row that only its parent's collection lists: its subject is not known when it is written. */
  @Entity
  public static class Stray {
    @Id public Long id;

    @PersonalData(category = "identity.name")
    @Encrypted
    public @Nullable String text;
  }
}
