package dev.lethe.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.readme.Shop;
import dev.lethe.records.RiskIndicator.Kind;
import dev.lethe.records.seed.Seed;
import java.io.IOException;
import java.io.StringWriter;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ImpactAssessmentTest {

  private final ImpactAssessment shop = ImpactAssessment.of(Shop.model(), Shop.controller());

  @Test
  @DisplayName(
      "Art. 35(3)(a), (b): automated decisions and special categories found in the code make an assessment likely required")
  void art35_indicatorsFoundInCode() {
    assertThat(shop.indicators())
        .extracting(RiskIndicator::kind, RiskIndicator::purpose)
        .contains(
            Tuple.tuple(Kind.AUTOMATED_DECISIONS, "credit scoring"),
            Tuple.tuple(Kind.SPECIAL_CATEGORIES, "credit scoring"),
            Tuple.tuple(Kind.SYSTEMATIC_MONITORING, "credit scoring"),
            Tuple.tuple(Kind.THIRD_COUNTRY_TRANSFERS, "credit scoring"));
    assertThat(shop.indicators())
        .filteredOn(indicator -> indicator.kind() == Kind.SPECIAL_CATEGORIES)
        .extracting(RiskIndicator::detail)
        .first()
        .asString()
        .contains("Art. 9(1)");
    assertThat(shop.likelyRequired()).isTrue();
  }

  @Test
  @DisplayName(
      "Art. 35(1): the seed's B2B processing shows no Art. 35(3) indicator, only its transfers, so no assessment is likely required")
  void art35_seedNeedsNoAssessment() {
    ImpactAssessment seed = ImpactAssessment.of(Seed.model(), Seed.controller());
    assertThat(seed.indicators())
        .extracting(RiskIndicator::kind)
        .doesNotContain(
            Kind.AUTOMATED_DECISIONS,
            Kind.SPECIAL_CATEGORIES,
            Kind.CRIMINAL_OFFENCE_DATA,
            Kind.CHILDREN);
    assertThat(seed.indicators())
        .extracting(RiskIndicator::kind)
        .allMatch(kind -> !kind.sufficientAlone());
  }

  @Test
  @DisplayName(
      "Art. 35(1), Recital 75: children and new technologies are declared by the controller and become indicators; else they are open questions")
  void art35_childrenAndNewTechnologiesDeclared() {
    assertThat(shop.openQuestions())
        .anyMatch(question -> question.contains("Are children among the subjects"))
        .anyMatch(question -> question.contains("new technologies"));
    ImpactAssessment declared =
        shop.withChildren("customer").withNewTechnologies("Behavioural biometrics at checkout");
    assertThat(declared.indicators())
        .extracting(RiskIndicator::kind)
        .contains(Kind.CHILDREN, Kind.NEW_TECHNOLOGIES);
    assertThat(declared.openQuestions())
        .noneMatch(question -> question.contains("Are children among the subjects"));
    assertThatThrownBy(() -> shop.withChildren("pupil"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pupil")
        .hasMessageContaining("customer");
  }

  @Test
  @DisplayName(
      "Art. 35(7): the Markdown scaffold holds the operations with bases, indicators, retention, recipients, measures and open questions")
  void art35_markdownScaffold() throws IOException {
    StringWriter markdown = new StringWriter();
    shop.writeMarkdown(markdown);
    assertThat(markdown.toString())
        .contains("# Data protection impact assessment (draft): Shop Ltd")
        .contains("## Processing operations and purposes (Art. 35(7)(a))")
        .contains("| credit scoring | Performance of a contract (Art. 6(1)(b))")
        .contains("## High-risk indicators found (Art. 35(1), 35(3))")
        .contains("Decides whether the customer may pay by invoice")
        .contains("## Retention (Art. 5(1)(e))")
        .contains(
            "ScoreCo: Credit scoring (processor, US, contract DPA-2024-03 ScoreCo of 2024-03-01)")
        .contains("Encryption at rest")
        .contains("## Open questions")
        .contains("What is the data protection officer's advice (Art. 35(2))?")
        .contains("Purpose 'credit scoring': how can a subject obtain human intervention");
    StringWriter html = new StringWriter();
    shop.writeHtml(html);
    assertThat(html.toString()).startsWith("<!DOCTYPE html>").contains("<h2>Open questions</h2>");
  }
}
