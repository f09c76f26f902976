package dev.lethe.spring.shop;

import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.ProcessedFor;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
@ProcessedFor("orders")
public class CustomerOrder {
  @Id
  public Long id;

  @ManyToOne
  public Customer customer;

  @PersonalData(category = "contact.postal-address")
  public String deliveryAddress;

  protected CustomerOrder() {
  }

  public CustomerOrder(Long id, Customer customer, String deliveryAddress) {
    this.id = id;
    this.customer = customer;
    this.deliveryAddress = deliveryAddress;
  }
}
