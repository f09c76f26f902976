package dev.lethe.records;

import dev.lethe.law.DataCategory;
import dev.lethe.law.DataOrigin;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.Purpose;
import dev.lethe.model.Sensitivity;
import dev.lethe.model.SubjectRoute;
import dev.lethe.records.RiskIndicator.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The scaffold of a data protection impact assessment (Art. 35) as a document, from the same facts as the record. */
final class AssessmentDocument {

  private static final String ALL_PROCESSING = "*";

  private AssessmentDocument() {}

  /** The high-risk indicators of {@code facts}' processing, per purpose, then those of all processing. */
  public static List<RiskIndicator> indicators(
      ProcessingFacts facts, Optional<String> newTechnologies, Set<String> childSubjectTypes) {
    List<RiskIndicator> indicators = new ArrayList<>();
    for (Purpose purpose : facts.model().purposes()) {
      List<EntityDescriptor> entities = facts.model().entitiesProcessedFor(purpose.name());
      List<FieldDescriptor> fields =
          entities.stream().flatMap(entity -> entity.fields().stream()).toList();
      purpose
          .automatedDecision()
          .ifPresent(
              decision ->
                  indicators.add(
                      new RiskIndicator(
                          Kind.AUTOMATED_DECISIONS, purpose.name(), decision.significance())));
      fields.stream()
          .flatMap(field -> field.sensitivity().stream())
          .map(Sensitivity::category)
          .distinct()
          .forEach(
              category ->
                  indicators.add(
                      new RiskIndicator(
                          category.isCriminalOffenceData()
                              ? Kind.CRIMINAL_OFFENCE_DATA
                              : Kind.SPECIAL_CATEGORIES,
                          purpose.name(),
                          category.dataCategory().label() + " (" + category.article() + ")")));
      labelsOf(fields, DataOrigin.OBSERVED)
          .ifPresent(
              labels ->
                  indicators.add(
                      new RiskIndicator(
                          Kind.SYSTEMATIC_MONITORING, purpose.name(), "observed: " + labels)));
      labelsOf(fields, DataOrigin.INFERRED)
          .ifPresent(
              labels ->
                  indicators.add(
                      new RiskIndicator(Kind.PROFILING, purpose.name(), "inferred: " + labels)));
      List<String> children =
          entities.stream()
              .flatMap(entity -> entity.routes().stream())
              .map(SubjectRoute::subjectType)
              .distinct()
              .filter(childSubjectTypes::contains)
              .toList();
      if (!children.isEmpty()) {
        indicators.add(
            new RiskIndicator(
                Kind.CHILDREN, purpose.name(), "about " + String.join(", ", children)));
      }
    }
    for (ProcessingActivity activity : facts.activities()) {
      activity
          .transfers()
          .forEach(
              transfer ->
                  indicators.add(
                      new RiskIndicator(
                          Kind.THIRD_COUNTRY_TRANSFERS,
                          activity.purpose(),
                          Phrases.transfer(transfer))));
    }
    newTechnologies.ifPresent(
        description ->
            indicators.add(new RiskIndicator(Kind.NEW_TECHNOLOGIES, ALL_PROCESSING, description)));
    return List.copyOf(indicators);
  }

  private static Optional<String> labelsOf(List<FieldDescriptor> fields, DataOrigin origin) {
    String labels =
        fields.stream()
            .filter(field -> field.origin() == origin)
            .map(field -> field.category().label())
            .distinct()
            .collect(Collectors.joining(", "));
    return labels.isEmpty() ? Optional.empty() : Optional.of(labels);
  }

  /** The questions a person must answer to complete the assessment, the model's gaps among them. */
  public static List<String> openQuestions(
      ProcessingFacts facts,
      List<RiskIndicator> indicators,
      Optional<String> newTechnologies,
      Set<String> childSubjectTypes) {
    Set<String> questions = new LinkedHashSet<>();
    for (ProcessingActivity activity : facts.activities()) {
      questions.add(
          "Purpose '"
              + activity.purpose()
              + "': is the processing necessary for it, and could less data"
              + " or less intrusive means achieve it (Art. 35(7)(b), Art. 5(1)(c))?");
    }
    for (RiskIndicator indicator : indicators) {
      questions.add(question(indicator));
    }
    if (childSubjectTypes.isEmpty()) {
      questions.add(
          "Are children among the subjects of any purpose (Recital 38, 75)? If so, declare them"
              + " with ImpactAssessment.withChildren.");
    }
    if (newTechnologies.isEmpty()) {
      questions.add(
          "Does any processing use new technologies or an innovative use of existing ones (Art. 35(1))?"
              + " If so, declare it with ImpactAssessment.withNewTechnologies.");
    }
    questions.add(
        "How many people does each purpose concern, and is the processing on a large scale (Art. 35(3),"
            + " Recital 91)?");
    questions.add(
        "What are the risks to the rights and freedoms of the subjects, their likelihood and severity"
            + " (Art. 35(7)(c))?");
    questions.add("Which measures address each risk, beyond those declared here (Art. 35(7)(d))?");
    questions.add("What is the data protection officer's advice (Art. 35(2))?");
    questions.add("Were the views of the subjects or their representatives sought (Art. 35(9))?");
    questions.add(
        "Does a high risk remain after the measures, so that the supervisory authority must be consulted"
            + " first (Art. 36(1))?");
    facts.gaps().forEach(gap -> questions.add("Gap in the model: " + gap));
    return List.copyOf(questions);
  }

  private static String question(RiskIndicator indicator) {
    String about =
        indicator.purpose().equals(ALL_PROCESSING)
            ? "All processing"
            : "Purpose '" + indicator.purpose() + "'";
    return switch (indicator.kind()) {
      case AUTOMATED_DECISIONS ->
          about
              + ": how can a subject obtain human intervention, and how is the logic tested"
              + " for accuracy and bias (Art. 22(3), Recital 71)?";
      case SPECIAL_CATEGORIES, CRIMINAL_OFFENCE_DATA ->
          about
              + " processes "
              + indicator.detail()
              + ": on what scale, and which condition of Art. 9(2) or authorisation of Art. 10 covers it?";
      case SYSTEMATIC_MONITORING ->
          about
              + " observes behaviour ("
              + indicator.detail()
              + "): is it systematic, on"
              + " a large scale, or of publicly accessible areas (Art. 35(3)(c))?";
      case PROFILING ->
          about
              + " infers data ("
              + indicator.detail()
              + "): does it evaluate or score people, and with"
              + " what effect on them (Art. 4(4))?";
      case CHILDREN ->
          about
              + " concerns children ("
              + indicator.detail()
              + "): what specific protection do they get"
              + " (Recital 38), and is parental consent obtained where needed (Art. 8)?";
      case NEW_TECHNOLOGIES ->
          "New technologies ("
              + indicator.detail()
              + "): what new risks do they bring, and are"
              + " they understood (Art. 35(1), Recital 89)?";
      case THIRD_COUNTRY_TRANSFERS ->
          about
              + " transfers data ("
              + indicator.detail()
              + "): has the transfer impact"
              + " been assessed for the safeguard (Art. 46)?";
    };
  }

  /** The scaffold as a document. */
  public static Document build(
      ProcessingFacts facts, List<RiskIndicator> indicators, List<String> openQuestions) {
    List<Document.Section> sections = new ArrayList<>();
    sections.add(
        new Document.Section(
            "About this assessment (Art. 35)",
            List.of(
                new Document.Paragraph(
                    "A scaffold of the data protection impact assessment of "
                        + facts.controller().name()
                        + ", generated from the"
                        + " code: it states what the processing is and what the code shows of its risks. Complete it by answering"
                        + " the open questions, with the advice of the data protection officer (Art. 35(2)), before the"
                        + " processing starts and whenever it changes (Art. 35(11))."))));
    sections.add(operations(facts));
    sections.add(indicatorSection(indicators));
    sections.add(retention(facts));
    sections.add(recipients(facts));
    sections.add(
        new Document.Section(
            "Measures declared (Art. 35(7)(d), Art. 32)",
            List.of(
                facts.controller().securityMeasures().isEmpty()
                    ? new Document.Paragraph("No security measures are declared.")
                    : new Document.Bullets(facts.controller().securityMeasures()))));
    sections.add(
        new Document.Section("Open questions", List.of(new Document.Bullets(openQuestions))));
    return new Document(
        "Data protection impact assessment (draft): " + facts.controller().name(), sections);
  }

  private static Document.Section operations(ProcessingFacts facts) {
    List<List<String>> rows =
        facts.activities().stream()
            .map(
                activity ->
                    List.of(
                        activity.purpose(),
                        Phrases.basis(activity.basis()),
                        String.join(", ", activity.subjectTypes()),
                        activity.dataCategories().stream()
                            .map(DataCategory::label)
                            .distinct()
                            .collect(Collectors.joining(", ")),
                        String.join(", ", activity.entities()),
                        Phrases.yesNo(activity.solelyAutomatedDecisions())))
            .toList();
    return new Document.Section(
        "Processing operations and purposes (Art. 35(7)(a))",
        List.of(
            new Document.Table(
                List.of(
                    "Purpose",
                    "Lawful basis",
                    "About",
                    "Personal data",
                    "Held in",
                    "Solely automated decisions"),
                rows)));
  }

  private static Document.Section indicatorSection(List<RiskIndicator> indicators) {
    String heading = "High-risk indicators found (Art. 35(1), 35(3))";
    if (indicators.isEmpty()) {
      return new Document.Section(
          heading,
          List.of(
              new Document.Paragraph(
                  "The code shows no indicator of high risk;"
                      + " answer the open questions to confirm it.")));
    }
    List<List<String>> rows =
        indicators.stream()
            .map(
                indicator ->
                    List.of(
                        indicator.kind().title(),
                        indicator.kind().article(),
                        indicator.purpose().equals(ALL_PROCESSING)
                            ? "All processing"
                            : indicator.purpose(),
                        indicator.detail()))
            .toList();
    return new Document.Section(
        heading,
        List.of(new Document.Table(List.of("Indicator", "Source", "Purpose", "Found"), rows)));
  }

  private static Document.Section retention(ProcessingFacts facts) {
    List<String> rules =
        facts.model().entities().stream()
            .map(ProcessingFacts::retentionOf)
            .flatMap(Optional::stream)
            .map(Phrases::retention)
            .toList();
    return new Document.Section(
        "Retention (Art. 5(1)(e))",
        List.of(
            rules.isEmpty()
                ? new Document.Paragraph("No retention periods are declared.")
                : new Document.Bullets(rules)));
  }

  private static Document.Section recipients(ProcessingFacts facts) {
    List<String> recipients =
        facts.controller().recipients().stream().map(Phrases::recipient).toList();
    List<String> transfers =
        facts.controller().transfers().stream().map(Phrases::transfer).toList();
    return new Document.Section(
        "Recipients and transfers (Art. 28, Art. 44–49)",
        List.of(
            new Document.Paragraph("Recipients: " + Phrases.listOrNone(recipients, "none") + "."),
            new Document.Paragraph(
                "Transfers to third countries: " + Phrases.listOrNone(transfers, "none") + ".")));
  }
}
