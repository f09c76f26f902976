package dev.lethe.records;

import static java.util.Objects.requireNonNull;

import dev.lethe.law.DataCategory;
import dev.lethe.law.LawfulBasis;
import java.util.List;

/**
 * One processing activity of the record of processing (Art. 30(1)): what the model says about one
 * purpose, joined with the controller description. The entities counted are those that declare the
 * purpose with {@code @Processing}.
 *
 * @param purpose the purpose's name (Art. 30(1)(b))
 * @param basis the lawful basis, with its law or interest (Art. 6(1))
 * @param entities the names of the entities that declare the purpose
 * @param subjectTypes the categories of data subjects those entities reach (Art. 30(1)(c))
 * @param dataCategories the categories of personal data those entities hold (Art. 30(1)(c))
 * @param recipients the purpose's recipients, as the controller describes them (Art. 30(1)(d))
 * @param transfers the transfers to third countries of those recipients (Art. 30(1)(e))
 * @param erasureTimeLimits the retention rules of those entities (Art. 30(1)(f))
 * @param securityMeasures the controller's security measures (Art. 30(1)(g), Art. 32)
 * @param solelyAutomatedDecisions whether the purpose decides solely automatically (Art. 22)
 */
public record ProcessingActivity(
    String purpose,
    LawfulBasis basis,
    List<String> entities,
    List<String> subjectTypes,
    List<DataCategory> dataCategories,
    List<Recipient> recipients,
    List<Transfer> transfers,
    List<RetentionRule> erasureTimeLimits,
    List<String> securityMeasures,
    boolean solelyAutomatedDecisions) {

  public ProcessingActivity {
    requireNonNull(purpose, "purpose");
    requireNonNull(basis, "basis");
    entities = List.copyOf(entities);
    subjectTypes = List.copyOf(subjectTypes);
    dataCategories = List.copyOf(dataCategories);
    recipients = List.copyOf(recipients);
    transfers = List.copyOf(transfers);
    erasureTimeLimits = List.copyOf(erasureTimeLimits);
    securityMeasures = List.copyOf(securityMeasures);
  }
}
