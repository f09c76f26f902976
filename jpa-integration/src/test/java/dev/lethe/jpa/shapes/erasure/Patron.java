package dev.lethe.jpa.shapes.erasure;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A library patron: numerically versioned, with aliases that may differ only by case. */
@Entity
@DataSubject("patron")
@Processing(purpose = "lending", basis = LawfulBasis.Kind.CONTRACT)
public class Patron {
  @Id public Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.REPLACE)
  public String email;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String name;

  @ElementCollection
  @PersonalData(category = "identity.name", erasure = ErasureStrategy.HASH)
  public List<String> aliases = new ArrayList<>();

  @ElementCollection
  @PersonalData(category = "identity.name", erasure = ErasureStrategy.MASK, maskKeepFirst = 1)
  public List<String> signatures = new ArrayList<>();

  @Version public @Nullable Long version;

  protected Patron() {}

  public Patron(Long id, String email, String name, List<String> aliases, List<String> signatures) {
    this.id = id;
    this.email = email;
    this.name = name;
    this.aliases = new ArrayList<>(aliases);
    this.signatures = new ArrayList<>(signatures);
  }
}
