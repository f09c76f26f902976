package dev.lethe.jpa.shapes.readonly;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.jspecify.annotations.Nullable;

/** Printed once: the application never updates its columns, but erasure must, with every strategy. */
@Entity
public class Card {
  @Id public Long id;

  @ManyToOne public Patron holder;

  @Column(updatable = false)
  @PersonalData(category = "identity.name", erasure = ErasureStrategy.NULLIFY)
  public @Nullable String nameOnCard;

  @Column(updatable = false)
  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String signature;

  @Column(updatable = false)
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.HASH)
  public String email;

  @Column(updatable = false)
  @PersonalData(category = "contact.phone", erasure = ErasureStrategy.MASK)
  public String phone;

  protected Card() {}

  public Card(Long id, Patron holder, String marker) {
    this.id = id;
    this.holder = holder;
    nameOnCard = "Name " + marker;
    signature = "Signed " + marker;
    email = "reader" + marker + "@example.com";
    phone = "+44 " + marker + " 5550";
  }
}
