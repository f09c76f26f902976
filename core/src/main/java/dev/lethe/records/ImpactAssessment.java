package dev.lethe.records;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import dev.lethe.model.PersonalDataModel;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The scaffold of a data protection impact assessment (Art. 35), generated from the model and the
 * controller description: the processing operations with their purposes and lawful bases (Art.
 * 35(7)(a)), the high-risk indicators found in the code (special categories and criminal data,
 * solely automated decisions, observed and inferred data, children, new technologies, transfers),
 * the retention, the recipients and transfers, the measures declared (Art. 35(7)(d)), and the open
 * questions a person must answer: necessity and proportionality (Art. 35(7)(b)), the risks to
 * subjects (35(7)(c)), the DPO's advice (35(2)) and whether the authority must be consulted (Art. 36).
 *
 * <p>It is a document to complete, not an assessment: the code cannot weigh risks. What the code
 * cannot know, the controller declares with the {@code withX} copies; what stays unknown is an open
 * question.
 *
 * <pre>{@code
 * ImpactAssessment dpia = ImpactAssessment.of(model, controller).withNewTechnologies("Face matching at entry gates");
 * dpia.writeMarkdown(writer);
 * }</pre>
 */
public final class ImpactAssessment {

  private final ProcessingFacts facts;
  private final Optional<String> newTechnologies;
  private final Set<String> childSubjectTypes;

  /** Found once: the facts and the declarations they come from do not change. */
  private final List<RiskIndicator> indicators;

  private ImpactAssessment(
      ProcessingFacts facts, Optional<String> newTechnologies, Set<String> childSubjectTypes) {
    this.facts = facts;
    this.newTechnologies = newTechnologies;
    this.childSubjectTypes = childSubjectTypes;
    this.indicators =
        List.copyOf(AssessmentDocument.indicators(facts, newTechnologies, childSubjectTypes));
  }

  /**
   * The scaffold for {@code model}'s processing by {@code controller} (Art. 35(7)).
   *
   * @throws UnknownRecipientException listing every recipient a purpose names that the controller does not describe
   */
  public static ImpactAssessment of(PersonalDataModel model, Controller controller) {
    return new ImpactAssessment(
        ProcessingFacts.of(
            requireNonNull(model, "model"), requireNonNull(controller, "controller")),
        Optional.empty(),
        Set.of());
  }

  /**
   * This scaffold stating that the processing uses new technologies, described as {@code description}
   * (Art. 35(1): "in particular using new technologies"), such as {@code Voice recognition of callers}.
   */
  public ImpactAssessment withNewTechnologies(String description) {
    return new ImpactAssessment(
        facts, Optional.of(requireNonBlank(description, "description")), childSubjectTypes);
  }

  /**
   * This scaffold stating that the subjects of {@code subjectTypes} are or include children (Recital
   * 38, 75), who merit specific protection.
   *
   * @throws IllegalArgumentException naming every subject type the model does not have
   */
  public ImpactAssessment withChildren(String... subjectTypes) {
    List<String> named = Arrays.asList(requireNonNull(subjectTypes, "subjectTypes"));
    List<String> unknown = new ArrayList<>();
    named.stream().filter(name -> facts.model().subjectType(name).isEmpty()).forEach(unknown::add);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "The model has no subject types "
              + unknown
              + ": name some of "
              + facts.model().subjectTypes().stream().map(type -> type.name()).toList());
    }
    Set<String> children = new LinkedHashSet<>(childSubjectTypes);
    children.addAll(named);
    return new ImpactAssessment(facts, newTechnologies, Set.copyOf(children));
  }

  /** The high-risk indicators found, in the model's order of purposes; empty when none is (Art. 35(1), 35(3)). */
  public List<RiskIndicator> indicators() {
    return indicators;
  }

  /**
   * Whether an assessment is likely required before the processing (Art. 35(1)): when an indicator
   * of Art. 35(3)(a) or (b) is found, or two kinds of indicator come together, as the EDPB's
   * guidelines (WP248 rev.01) advise. The controller decides; this says where to start.
   */
  public boolean likelyRequired() {
    return indicators.stream().anyMatch(indicator -> indicator.kind().sufficientAlone())
        || indicators.stream().map(RiskIndicator::kind).distinct().count() >= 2;
  }

  /** The questions the controller must answer to complete the assessment (Art. 35(7)(b)–(d), 35(2), 36). */
  public List<String> openQuestions() {
    return AssessmentDocument.openQuestions(facts, indicators, newTechnologies, childSubjectTypes);
  }

  /** Writes the scaffold as Markdown, to complete by hand (Art. 35(7)). {@code out} is not closed. */
  public void writeMarkdown(Writer out) throws IOException {
    AssessmentDocument.build(facts, indicators, openQuestions())
        .writeMarkdown(requireNonNull(out, "out"));
  }

  /** Writes the scaffold as a self-contained HTML page in UTF-8, every value escaped. {@code out} is not closed. */
  public void writeHtml(Writer out) throws IOException {
    AssessmentDocument.build(facts, indicators, openQuestions())
        .writeHtml(requireNonNull(out, "out"));
  }
}
