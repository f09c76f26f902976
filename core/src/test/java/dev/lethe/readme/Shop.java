package dev.lethe.readme;

import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SpecialCategory;
import dev.lethe.law.Article9Condition;
import dev.lethe.law.DataOrigin;
import dev.lethe.law.LawfulBasis;
import dev.lethe.law.SensitiveCategory;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.records.Contact;
import dev.lethe.records.Controller;
import dev.lethe.records.Recipient;
import dev.lethe.records.SupervisoryAuthority;
import dev.lethe.records.Transfer;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The README's shop as the fixture of core's tests that need a customer and their orders placed at a
 * time (breaches, legal holds), with a {@link CreditCheck} decided automatically and its processor
 * abroad (Art. 15(2), 22, 28, 35). The README's {@link Customer} and {@link Order} stay as the README
 * prints them, package-private and without constructors, so this class makes their rows.
 */
public final class Shop {

  private Shop() {}

  /** The README's Customer and Order with the credit check, in that order. */
  public static PersonalDataModel model() {
    return PersonalDataModel.scan(Customer.class, Order.class, CreditCheck.class);
  }

  /** Shop Ltd, with a contract for each of its processors and a transfer to ScoreCo in the US. */
  public static Controller controller() {
    return Controller.of(
            "Shop Ltd",
            "1 High Street, Leeds",
            Contact.of("privacy@shop.example"),
            SupervisoryAuthority.of("Information Commissioner's Office", "https://ico.org.uk"))
        .withRecipients(
            Recipient.processor("payment-provider", "Card payments", "GB")
                .withContract("DPA-2023-11 payment-provider", LocalDate.of(2023, 11, 1)),
            Recipient.processor("email-host", "Newsletter delivery", "GB")
                .withContract("DPA-2023-12 email-host", LocalDate.of(2023, 12, 1)),
            Recipient.processor("ScoreCo", "Credit scoring", "US")
                .withContract("DPA-2024-03 ScoreCo", LocalDate.of(2024, 3, 1)))
        .withTransfers(
            new Transfer(
                "ScoreCo",
                "US",
                Transfer.Safeguard.STANDARD_CONTRACTUAL_CLAUSES,
                "ScoreCo data processing agreement with the EU SCCs"))
        .withSecurityMeasures("Encryption at rest", "Role-based access");
  }

  /** A customer with this id and e-mail address. */
  public static Object customer(long id, String email) {
    Customer customer = new Customer();
    customer.id = id;
    customer.email = email;
    return customer;
  }

  /** An order of {@code customer}, made by {@link #customer}, delivered to {@code deliveryAddress}. */
  public static Object order(Object customer, String deliveryAddress, Instant placedAt) {
    Order order = new Order();
    order.customer = (Customer) customer;
    order.deliveryAddress = deliveryAddress;
    order.placedAt = placedAt;
    return order;
  }

  /** The README's Order, which tests in other packages cannot name. */
  public static Class<?> orderType() {
    return Order.class;
  }

  /**
   * A customer's credit check, decided by ScoreCo alone (Art. 22), holding what makes an impact
   * assessment likely (Art. 35(3)): a health note and the pages the customer was observed viewing.
   * Nested, so that scanning the README's package does not find it.
   */
  @Processing(
      purpose = "credit scoring",
      basis = LawfulBasis.Kind.CONTRACT,
      recipients = "ScoreCo",
      solelyAutomatedDecisions = true,
      decisionLogic = "Scores the payment history of the last 24 months",
      decisionSignificance = "Decides whether the customer may pay by invoice",
      decisionConsequences = "Payment by invoice may be refused")
  static final class CreditCheck {
    Customer customer;

    @SpecialCategory(
        value = SensitiveCategory.HEALTH,
        condition = Article9Condition.HEALTH_OR_SOCIAL_CARE)
    String healthNote;

    @PersonalData(category = "online.usage", origin = DataOrigin.OBSERVED)
    String pagesViewedAtCheckout;
  }
}
