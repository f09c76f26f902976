package dev.lethe.jpa.envers;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.envers.Audited;

/**
 * Refused: REPLACE writes one placeholder for every alias, and Envers keys an alias's history by
 * owner, revision and value, so two aliases of one revision would collide.
 */
@Entity
@Audited
@DataSubject("member")
@Processing(purpose = "lending", basis = LawfulBasis.Kind.CONTRACT)
public class Member {
  @Id public Long id;

  @ElementCollection
  @PersonalData(category = "identity.alias", erasure = ErasureStrategy.REPLACE)
  public List<String> aliases = new ArrayList<>();

  protected Member() {}
}
