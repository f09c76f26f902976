package dev.lethe.jpa.envers;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OrderColumn;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.jspecify.annotations.Nullable;

/** The subject, kept after erasure: every audited attribute is rewritten in place, in its history too. */
@Entity
@Audited
@DataSubject("patron")
@Processing(purpose = "lending", basis = LawfulBasis.Kind.CONTRACT)
public class Patron {
  @Id public Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.HASH)
  public String email;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String name;

  @PersonalData(category = "contact.phone", erasure = ErasureStrategy.MASK, maskKeepLast = 2)
  public @Nullable String phone;

  /** Not audited: only the current row holds it. */
  @NotAudited
  @PersonalData(category = "contact.address", erasure = ErasureStrategy.NULLIFY)
  public @Nullable String lastAddress;

  @ElementCollection
  @OrderColumn
  @PersonalData(category = "identity.name", erasure = ErasureStrategy.HASH)
  public List<String> nicknames = new ArrayList<>();

  @ElementCollection
  @PersonalData(category = "preferences.reading", erasure = ErasureStrategy.NULLIFY)
  public Set<String> interests = new LinkedHashSet<>();

  protected Patron() {}

  public Patron(Long id, String email, String name, @Nullable String phone) {
    this.id = id;
    this.email = email;
    this.name = name;
    this.phone = phone;
  }
}
