package dev.lethe.jpa.shapes.onetomany;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The root: its addresses by a join column, its notes by a join table, its profile as the owning side. */
@Entity
@DataSubject("customer")
@Processing(purpose = "orders", basis = LawfulBasis.Kind.CONTRACT)
public class Customer {
  @Id public Long id;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String name;

  @OneToMany
  @JoinColumn(name = "customer_id")
  public List<Address> addresses = new ArrayList<>();

  @OneToMany
  @JoinTable(name = "customer_note")
  public List<Note> notes = new ArrayList<>();

  @OneToOne public @Nullable Profile profile;

  protected Customer() {}

  public Customer(Long id, String name) {
    this.id = id;
    this.name = name;
  }
}
