package dev.lethe.jpa.envers.deep;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/** Audited with personal data, but reaching its shopper through a wallet Envers does not audit. */
@Entity
@Audited
public class Coupon {
  @Id public Long id;

  @ManyToOne
  @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
  public Wallet wallet;

  @PersonalData(category = "behaviour.purchase", erasure = ErasureStrategy.DELETE_ROW)
  public String code;

  protected Coupon() {}
}
