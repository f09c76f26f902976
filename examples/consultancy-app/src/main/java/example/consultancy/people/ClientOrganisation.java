package example.consultancy.people;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/** A school, college or training provider that licenses Mesma Software; it is no natural person, so no personal data. */
@Entity
public class ClientOrganisation {

  @Id @GeneratedValue public @Nullable Long id;

  public @Nullable String name;

  protected ClientOrganisation() {}

  /** An organisation by name. */
  public ClientOrganisation(String name) {
    this.name = name;
  }
}
