package dev.lethe.jpa.shapes.refcolumn;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.io.Serializable;

/** The root: referred to by its membership number, a unique column that is not its key. */
@Entity
@DataSubject("clubber")
public class Club implements Serializable {
  private static final long serialVersionUID = 1L;

  @Id public Long id;

  @Column(unique = true, nullable = false, length = 20)
  public String membershipNumber;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String name;

  protected Club() {}

  public Club(Long id, String membershipNumber, String name) {
    this.id = id;
    this.membershipNumber = membershipNumber;
    this.name = name;
  }
}
