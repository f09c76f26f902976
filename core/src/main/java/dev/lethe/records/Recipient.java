package dev.lethe.records;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Someone personal data is disclosed to (Art. 4(9)), as a notice (Art. 13(1)(e)) and the record of
 * processing (Art. 30(1)(d)) list them. Its name is the one that {@code @Processing(recipients = ...)}
 * uses, so that each purpose's recipients can be looked up in the controller description.
 *
 * @param name the name purposes use, such as {@code HubSpot}
 * @param role the recipient's role under the GDPR
 * @param description what the recipient does with the data, such as {@code E-mail hosting}
 * @param country where the recipient processes the data, as an ISO 3166-1 alpha-2 code such as {@code GB}
 * @param contract for a processor, the contract that binds it (Art. 28(3)); the record of processing
 *     lists a processor without one as a gap
 */
public record Recipient(
    String name, Role role, String description, String country, Optional<Contract> contract) {

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  public Recipient {
    requireNonBlank(name, "name");
    requireNonNull(role, "role");
    requireNonBlank(description, "description");
    requireNonNull(country, "country");
    if (!COUNTRY.matcher(country).matches()) {
      throw new IllegalArgumentException(
          "Recipient '"
              + name
              + "' has country '"
              + country
              + "', which is not an ISO 3166-1 alpha-2 code such as GB, IE or US");
    }
    requireNonNull(contract, "contract");
  }

  /** A recipient with no contract recorded (Art. 4(9)); a processor's is added with {@link #withContract}. */
  public Recipient(String name, Role role, String description, String country) {
    this(name, role, description, country, Optional.empty());
  }

  /**
   * This recipient bound by the data processing agreement {@code reference}, concluded on {@code
   * concludedOn} (Art. 28(3)), such as {@code DPA-2021-07, signed with the EU SCCs}.
   */
  public Recipient withContract(String reference, LocalDate concludedOn) {
    return new Recipient(
        name, role, description, country, Optional.of(new Contract(reference, concludedOn)));
  }

  /** Whether this is a processor (Art. 28) without its contract recorded: a gap of the record of processing. */
  public boolean lacksProcessorContract() {
    return role == Role.PROCESSOR && contract.isEmpty();
  }

  /**
   * The contract or other legal act that binds a processor to the controller (Art. 28(3)): where it
   * is kept and when it was concluded. Its content is the contract's; the record shows that one exists.
   *
   * @param reference where the contract is kept or what it is called, such as {@code DPA-2021-07}
   * @param concludedOn when it was concluded
   */
  public record Contract(String reference, LocalDate concludedOn) {
    public Contract {
      requireNonBlank(reference, "reference");
      requireNonNull(concludedOn, "concludedOn");
    }
  }

  /** A processor (Art. 28) called {@code name} that does {@code description} in {@code country} (Art. 13(1)(e)). */
  public static Recipient processor(String name, String description, String country) {
    return new Recipient(name, Role.PROCESSOR, description, country);
  }

  /** The role a recipient plays, as Art. 13(1)(e) and Art. 30(1)(d) distinguish them. */
  public enum Role {
    /** Processes on the controller's behalf (Art. 28). */
    PROCESSOR("processor", "Art. 28"),
    /** Decides its own purposes and means: a separate controller (Art. 4(7)). */
    CONTROLLER("controller", "Art. 4(7)"),
    /** Decides purposes and means together with the controller (Art. 26). */
    JOINT_CONTROLLER("joint controller", "Art. 26"),
    /** A public authority receiving data (Art. 4(9)). */
    PUBLIC_AUTHORITY("public authority", "Art. 4(9)");

    private final String label;
    private final String article;

    Role(String label, String article) {
      this.label = label;
      this.article = article;
    }

    /** The role in words, as a notice states it (Art. 13(1)(e)). */
    public String label() {
      return label;
    }

    /** The article that defines the role, such as {@code Art. 28}. */
    public String article() {
      return article;
    }
  }
}
