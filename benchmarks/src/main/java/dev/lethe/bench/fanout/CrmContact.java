package dev.lethe.bench.fanout;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.Processing;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The coordinator's contact, disclosed to three services that run Lethe. */
@Entity
@Table(name = "crm_contact")
@DataSubject("customer")
@Processing(
    purpose = "sales",
    basis = LawfulBasis.Kind.CONTRACT,
    recipients = {"billing", "shipping", "support"})
public class CrmContact extends ContactFields {

  /** For JPA. */
  protected CrmContact() {}
}
