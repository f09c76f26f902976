package dev.lethe.access;

import static java.util.Objects.requireNonNull;

import dev.lethe.law.DataOrigin;
import dev.lethe.law.Right;
import dev.lethe.model.AutomatedDecision;
import dev.lethe.model.RetentionPolicy;
import java.util.List;
import java.util.Optional;

/**
 * What Art. 15(1)(a)–(h) obliges a controller to tell a subject besides the data itself, derived
 * from the model for the entities that hold the subject's data.
 *
 * @param purposes (a) the purposes and their lawful bases
 * @param categories (b) the categories of personal data, as labels
 * @param recipients (c) the recipients or categories of recipients
 * @param retention (d) how long each kind of data is kept, or the criteria
 * @param rights (e) the rights to rectification, erasure, restriction and objection, and the others that apply
 * @param complaint (f) the right to lodge a complaint with a supervisory authority
 * @param sources (g) where data not collected from the subject came from
 * @param automatedDecisions (h) the solely automated decisions (Art. 22), with their logic,
 *     significance and envisaged consequences
 * @param transfers the transfers to third countries of the subject's data, each with its safeguard (Art. 15(2), 46)
 */
public record Article15Information(
    List<PurposeInfo> purposes,
    List<String> categories,
    List<String> recipients,
    List<RetentionInfo> retention,
    List<Right> rights,
    String complaint,
    List<SourceInfo> sources,
    List<AutomatedDecisionInfo> automatedDecisions,
    List<TransferInfo> transfers) {

  public Article15Information {
    purposes = List.copyOf(purposes);
    categories = List.copyOf(categories);
    recipients = List.copyOf(recipients);
    retention = List.copyOf(retention);
    rights = List.copyOf(rights);
    requireNonNull(complaint, "complaint");
    sources = List.copyOf(sources);
    automatedDecisions = List.copyOf(automatedDecisions);
    transfers = List.copyOf(transfers);
  }

  /**
   * A purpose's decision taken solely by automated means (Art. 15(1)(h), 22(1)), with the right to
   * obtain human intervention, express one's view and contest it (Art. 22(3)).
   *
   * @param purpose the purpose's name
   * @param decision its logic, significance and envisaged consequences
   */
  public record AutomatedDecisionInfo(String purpose, AutomatedDecision decision) {
    public AutomatedDecisionInfo {
      requireNonNull(purpose, "purpose");
      requireNonNull(decision, "decision");
    }
  }

  /**
   * A transfer of the subject's data to a recipient in a third country, with the safeguard that
   * allows it (Art. 15(2), 44–49).
   *
   * @param recipient the recipient's name, as the purposes name it
   * @param country the third country, an ISO 3166-1 alpha-2 code
   * @param safeguard the safeguard's name, such as {@code Standard contractual clauses}
   * @param article the article providing it, such as {@code Art. 46(2)(c)}
   * @param reference where the safeguard is documented or how a copy can be had
   */
  public record TransferInfo(
      String recipient, String country, String safeguard, String article, String reference) {
    public TransferInfo {
      requireNonNull(recipient, "recipient");
      requireNonNull(country, "country");
      requireNonNull(safeguard, "safeguard");
      requireNonNull(article, "article");
      requireNonNull(reference, "reference");
    }
  }

  /**
   * A purpose and its basis.
   *
   * @param purpose the purpose's name
   * @param basis the basis, such as "Consent"
   * @param article the basis's article, such as "Art. 6(1)(a)"
   * @param legitimateInterest the interest pursued, for legitimate interests
   */
  public record PurposeInfo(
      String purpose, String basis, String article, Optional<String> legitimateInterest) {
    public PurposeInfo {
      requireNonNull(purpose, "purpose");
      requireNonNull(basis, "basis");
      requireNonNull(article, "article");
      requireNonNull(legitimateInterest, "legitimateInterest");
    }
  }

  /**
   * How long one entity's data is kept.
   *
   * @param entity the entity's name
   * @param policy the retention policy
   */
  public record RetentionInfo(String entity, RetentionPolicy policy) {
    public RetentionInfo {
      requireNonNull(entity, "entity");
      requireNonNull(policy, "policy");
    }
  }

  /**
   * Data not provided by the subject, and where it came from.
   *
   * @param category the data category's label
   * @param origin how it was obtained
   * @param source the named source, where one is stated
   */
  public record SourceInfo(String category, DataOrigin origin, Optional<String> source) {
    public SourceInfo {
      requireNonNull(category, "category");
      requireNonNull(origin, "origin");
      requireNonNull(source, "source");
    }
  }
}
