package dev.lethe.records;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import dev.lethe.access.Article15Information;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the records need to know about the controller that the annotations cannot say: who it is
 * and how to reach it and its data protection officer (Art. 13(1)(a) and (b), Art. 30(1)(a)), the
 * supervisory authority (Art. 77), who its recipients are (Art. 13(1)(e), Art. 30(1)(d)), its
 * transfers to third countries (Art. 13(1)(f), Art. 30(1)(e)) and its security measures
 * (Art. 30(1)(g), Art. 32).
 *
 * <p>Start with {@link #of} and add the rest with the {@code withX} copies.
 *
 * @param name the controller's legal name
 * @param address the controller's postal address
 * @param contact how to reach the controller
 * @param dataProtectionOfficer how to reach the data protection officer, if one is designated (Art. 37)
 * @param supervisoryAuthority the authority a subject may complain to
 * @param recipients who personal data is disclosed to, with unique names
 * @param transfers transfers to third countries, each to a described recipient
 * @param securityMeasures a general description of the technical and organisational measures (Art. 32)
 * @param rightsContact how a subject exercises their rights, if it differs from the plain contact,
 *     such as {@code E-mail support@example.com, or use the unsubscribe link in any e-mail}
 */
public record Controller(
    String name,
    String address,
    Contact contact,
    Optional<Contact> dataProtectionOfficer,
    SupervisoryAuthority supervisoryAuthority,
    List<Recipient> recipients,
    List<Transfer> transfers,
    List<String> securityMeasures,
    Optional<String> rightsContact) {

  /**
   * @throws IllegalArgumentException if two recipients share a name
   * @throws UnknownRecipientException if a transfer names a recipient that is not described
   */
  public Controller {
    requireNonBlank(name, "name");
    requireNonBlank(address, "address");
    requireNonNull(contact, "contact");
    requireNonNull(dataProtectionOfficer, "dataProtectionOfficer");
    requireNonNull(supervisoryAuthority, "supervisoryAuthority");
    recipients = List.copyOf(recipients);
    transfers = List.copyOf(transfers);
    securityMeasures = List.copyOf(securityMeasures);
    requireNonNull(rightsContact, "rightsContact");
    securityMeasures.forEach(measure -> requireNonBlank(measure, "securityMeasure"));
    Set<String> names = new HashSet<>();
    List<String> duplicates = new ArrayList<>();
    recipients.stream()
        .map(Recipient::name)
        .filter(recipient -> !names.add(recipient))
        .forEach(duplicates::add);
    if (!duplicates.isEmpty()) {
      throw new IllegalArgumentException(
          "Recipient names must be unique, but these are described more than once: "
              + String.join(", ", duplicates));
    }
    Map<String, List<String>> unknown = new LinkedHashMap<>();
    transfers.stream()
        .filter(transfer -> !names.contains(transfer.recipient()))
        .forEach(
            transfer ->
                unknown
                    .computeIfAbsent(transfer.recipient(), key -> new ArrayList<>())
                    .add("a transfer to " + transfer.country()));
    if (!unknown.isEmpty()) {
      throw new UnknownRecipientException(unknown);
    }
  }

  /**
   * A controller with no DPO, recipients, transfers or security measures yet (Art. 13(1)(a)):
   * add them with the {@code withX} copies.
   */
  public static Controller of(
      String name, String address, Contact contact, SupervisoryAuthority supervisoryAuthority) {
    return new Controller(
        name,
        address,
        contact,
        Optional.empty(),
        supervisoryAuthority,
        List.of(),
        List.of(),
        List.of(),
        Optional.empty());
  }

  /** This controller with its data protection officer's contact (Art. 13(1)(b), Art. 37(7)). */
  public Controller withDataProtectionOfficer(Contact dataProtectionOfficer) {
    return new Controller(
        name,
        address,
        contact,
        Optional.of(requireNonNull(dataProtectionOfficer, "dataProtectionOfficer")),
        supervisoryAuthority,
        recipients,
        transfers,
        securityMeasures,
        rightsContact);
  }

  /** This controller with {@code recipients} instead of its current ones (Art. 13(1)(e), Art. 30(1)(d)). */
  public Controller withRecipients(Recipient... recipients) {
    return new Controller(
        name,
        address,
        contact,
        dataProtectionOfficer,
        supervisoryAuthority,
        Arrays.asList(requireNonNull(recipients, "recipients")),
        transfers,
        securityMeasures,
        rightsContact);
  }

  /** This controller with {@code transfers} instead of its current ones (Art. 13(1)(f), Art. 30(1)(e)). */
  public Controller withTransfers(Transfer... transfers) {
    return new Controller(
        name,
        address,
        contact,
        dataProtectionOfficer,
        supervisoryAuthority,
        recipients,
        Arrays.asList(requireNonNull(transfers, "transfers")),
        securityMeasures,
        rightsContact);
  }

  /** This controller with {@code measures} as its security measures (Art. 30(1)(g), Art. 32). */
  public Controller withSecurityMeasures(String... measures) {
    return new Controller(
        name,
        address,
        contact,
        dataProtectionOfficer,
        supervisoryAuthority,
        recipients,
        transfers,
        Arrays.asList(requireNonNull(measures, "measures")),
        rightsContact);
  }

  /** This controller with the text telling a subject how to exercise their rights (Art. 12(2)). */
  public Controller withRightsContact(String rightsContact) {
    return new Controller(
        name,
        address,
        contact,
        dataProtectionOfficer,
        supervisoryAuthority,
        recipients,
        transfers,
        securityMeasures,
        Optional.of(requireNonBlank(rightsContact, "rightsContact")));
  }

  /**
   * The transfers to third countries as an access report states them, with their safeguards
   * (Art. 15(2)): give them to {@code DataSubjectRights.Builder.transfers}.
   */
  public List<Article15Information.TransferInfo> transferInformation() {
    return transfers.stream()
        .map(
            transfer ->
                new Article15Information.TransferInfo(
                    transfer.recipient(),
                    transfer.country(),
                    transfer.safeguard().title(),
                    transfer.safeguard().article(),
                    transfer.reference()))
        .toList();
  }

  /** The recipient called {@code name}, if the controller describes one (Art. 30(1)(d)). */
  public Optional<Recipient> recipient(String name) {
    requireNonNull(name, "name");
    return recipients.stream().filter(recipient -> recipient.name().equals(name)).findFirst();
  }
}
