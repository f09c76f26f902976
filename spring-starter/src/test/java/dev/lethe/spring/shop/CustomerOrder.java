package dev.lethe.spring.shop;

import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.ProcessedFor;
import dev.lethe.annotation.Processing;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

@Entity
@ProcessedFor("orders")
@Processing(
    purpose = "fraud-screening",
    basis = LawfulBasis.Kind.CONTRACT,
    solelyAutomatedDecisions = true,
    decisionLogic =
        "A score from the order's amount, address and history; orders over a threshold are refused",
    decisionSignificance = "Decides whether the order is accepted",
    decisionConsequences = "A refused order is not delivered and its payment is not taken")
public class CustomerOrder {
  @Id public Long id;

  @ManyToOne public Customer customer;

  @PersonalData(category = "contact.postal-address")
  public String deliveryAddress;

  /** When the order was placed: the time a breach of orders is searched by (Art. 33(3)(a)). */
  public Instant placedAt;

  protected CustomerOrder() {}

  public CustomerOrder(Long id, Customer customer, String deliveryAddress) {
    this.id = id;
    this.customer = customer;
    this.deliveryAddress = deliveryAddress;
  }
}
