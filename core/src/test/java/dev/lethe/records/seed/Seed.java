package dev.lethe.records.seed;

import dev.lethe.model.PersonalDataModel;
import dev.lethe.records.Contact;
import dev.lethe.records.Controller;
import dev.lethe.records.Recipient;
import dev.lethe.records.SupervisoryAuthority;
import dev.lethe.records.Transfer;
import dev.lethe.records.Transfer.Safeguard;

/**
 * The seed scenario: Mesma Limited's processing as its privacy statement (version 3, 2021) describes
 * it. The statement names no transfers or recipient countries; those below are illustrative, so
 * that the transfer sections have something to show.
 */
public final class Seed {

  private Seed() {}

  /** The seed's model, in a fixed order so that generated documents are stable. */
  public static PersonalDataModel model() {
    return PersonalDataModel.scan(
        Enquirer.class,
        LicensedUser.class,
        SoftwareSignIn.class,
        Subscriber.class,
        EventAttendee.class,
        Applicant.class,
        Employee.class,
        WebsiteVisitor.class);
  }

  /** Mesma Limited, as its statement describes itself. */
  public static Controller controller() {
    return Controller.of(
            "Mesma Limited",
            "27/28 Frederick Street, Sunderland, Tyne and Wear, SR1 1LZ",
            Contact.of("support@mesma.co.uk").withPhone("0845 6588370"),
            SupervisoryAuthority.of("Information Commissioner's Office", "https://ico.org.uk"))
        .withRecipients(
            Recipient.processor("Google Analytics", "Website analytics", "US"),
            Recipient.processor("WordPress.com", "Website hosting", "US"),
            Recipient.processor("Microsoft 365", "E-mail hosting", "GB"),
            Recipient.processor("Microsoft Azure", "Cloud hosting of the Mesma software", "GB"),
            Recipient.processor("HubSpot", "Customer relationship management", "DE"),
            Recipient.processor("Crisp", "Support chat with software users", "FR"),
            Recipient.processor("Xero", "Accounting, invoices and payments", "US"),
            Recipient.processor("Eventbrite", "Event ticketing", "US"),
            Recipient.processor("Zoom", "Online meetings and webinars", "US"))
        .withTransfers(
            new Transfer(
                "Google Analytics",
                "US",
                Safeguard.ADEQUACY_DECISION,
                "UK Extension to the EU-US Data Privacy Framework"),
            new Transfer(
                "WordPress.com",
                "US",
                Safeguard.STANDARD_CONTRACTUAL_CLAUSES,
                "Automattic data processing addendum"),
            new Transfer(
                "HubSpot",
                "DE",
                Safeguard.ADEQUACY_DECISION,
                "UK adequacy regulations for the EEA"),
            new Transfer(
                "Crisp", "FR", Safeguard.ADEQUACY_DECISION, "UK adequacy regulations for the EEA"),
            new Transfer(
                "Xero",
                "US",
                Safeguard.STANDARD_CONTRACTUAL_CLAUSES,
                "Xero data processing agreement"),
            new Transfer(
                "Eventbrite",
                "US",
                Safeguard.STANDARD_CONTRACTUAL_CLAUSES,
                "Eventbrite data processing addendum"),
            new Transfer(
                "Zoom",
                "US",
                Safeguard.STANDARD_CONTRACTUAL_CLAUSES,
                "Zoom data processing addendum"))
        .withSecurityMeasures(
            "E-mail monitoring and blocking software on incoming e-mail",
            "The Mesma software is hosted on Microsoft Azure",
            "Employee files are kept secure and used only for purposes relevant to the employment")
        .withRightsContact(
            "e-mail support@mesma.co.uk; to stop marketing e-mails, use the unsubscribe link in any"
                + " e-mail we send");
  }
}
