package dev.lethe.jpa.shapes.subclassroot;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import org.jspecify.annotations.Nullable;

/** A subclass of the root in its own table, with personal data of its own. */
@Entity
public class PremiumMember extends Member {
  @PersonalData(
      category = "financial.card",
      erasure = ErasureStrategy.MASK,
      maskKeepFirst = 0,
      maskKeepLast = 4)
  public @Nullable String cardNumber;

  protected PremiumMember() {}

  public PremiumMember(Long id, String email, String name, String cardNumber) {
    super(id, email, name);
    this.cardNumber = cardNumber;
  }
}
