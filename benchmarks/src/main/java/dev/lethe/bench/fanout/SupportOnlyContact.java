package dev.lethe.bench.fanout;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.Processing;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The coordinator's contact, disclosed to the support service alone. */
@Entity
@Table(name = "crm_contact")
@DataSubject("customer")
@Processing(
    purpose = "sales",
    basis = LawfulBasis.Kind.CONTRACT,
    recipients = {"support"})
public class SupportOnlyContact extends ContactFields {

  /** For JPA. */
  protected SupportOnlyContact() {}
}
