package dev.lethe.readme;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.ProcessedFor;
import dev.lethe.annotation.Retention;
import dev.lethe.annotation.RetentionAction;
import dev.lethe.law.ErasureExemption;
import java.math.BigDecimal;
import java.time.Instant;

/** The README's order: a customer's delivery address and total, placed at a time and kept six years. */
@ProcessedFor("orders")
@Retention(
    period = "P6Y",
    clock = "placedAt",
    action = RetentionAction.ANONYMISE,
    reason = "Invoices are kept six years for tax law")
class Order {
  Customer customer;
  Instant placedAt;

  @PersonalData(category = "contact.postal-address")
  String deliveryAddress;

  @PersonalData(
      category = "financial.payment",
      erasure = ErasureStrategy.KEEP,
      exemption = ErasureExemption.LEGAL_OBLIGATION_OR_PUBLIC_TASK)
  BigDecimal total;
}
