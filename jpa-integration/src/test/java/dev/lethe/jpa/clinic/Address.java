package dev.lethe.jpa.clinic;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Embeddable;

/** An embedded value: its attributes are named by path, such as {@code address.street}. */
@Embeddable
public class Address {
  @PersonalData(category = "contact.postal-address")
  public String street;

  @PersonalData(
      category = "contact.postal-address",
      erasure = ErasureStrategy.MASK,
      maskKeepFirst = 1)
  public String city;

  protected Address() {}

  public Address(String street, String city) {
    this.street = street;
    this.city = city;
  }
}
