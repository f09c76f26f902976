package dev.lethe.records;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * How to reach the controller or its data protection officer: the contact details a notice must
 * give (Art. 13(1)(a) and (b), Art. 14(1)(a) and (b)) and the record of processing must hold
 * (Art. 30(1)(a)).
 *
 * @param name a person or office to address, such as {@code Data Protection Officer}, if any
 * @param email the e-mail address
 * @param phone the telephone number, if any
 */
public record Contact(Optional<String> name, String email, Optional<String> phone) {

  public Contact {
    requireNonNull(name, "name");
    requireNonBlank(email, "email");
    requireNonNull(phone, "phone");
  }

  /** A contact reached by e-mail only (Art. 13(1)(a)). */
  public static Contact of(String email) {
    return new Contact(Optional.empty(), email, Optional.empty());
  }

  /** This contact addressed to {@code name}, such as the data protection officer's name (Art. 13(1)(b)). */
  public Contact withName(String name) {
    return new Contact(Optional.of(requireNonBlank(name, "name")), email, phone);
  }

  /** This contact with a telephone number (Art. 13(1)(a)). */
  public Contact withPhone(String phone) {
    return new Contact(name, email, Optional.of(requireNonBlank(phone, "phone")));
  }
}
