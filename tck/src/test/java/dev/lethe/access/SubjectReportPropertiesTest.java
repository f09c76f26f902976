package dev.lethe.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.internal.rights.SubjectReports;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.tck.shop.Shop;
import dev.lethe.testing.WrittenReports;
import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SubjectReportPropertiesTest {

  private static final PersonalDataModel MODEL = Shop.model();

  @Property(tries = 60)
  @Label(
      "Art. 15(3), 15(4): the JSON and the ZIP hold every value of the subject and none of anyone else's")
  void reportHoldsExactlyTheSubjectsValues(
      @ForAll @IntRange(min = 2, max = 5) int customers,
      @ForAll @IntRange(min = 0, max = 3) int ordersEach,
      @ForAll @IntRange(min = 1, max = 5) int chosen)
      throws IOException {
    int subject = Math.min(chosen, customers);
    List<Object> population = Shop.population(customers, ordersEach);
    PersonalDataStore store =
        PersonalDataStore.inMemory(MODEL, Pseudonymizer.withRandomKey()).add(population.toArray());
    SubjectReports reports = new SubjectReports(MODEL, store, Clock.systemUTC());
    Set<String> mine = new HashSet<>();
    Set<String> others = new HashSet<>();
    for (Object row : population) {
      (Shop.belongsTo(row, subject) ? mine : others).addAll(Shop.personalValues(row));
    }

    SubjectReport report = reports.access(SubjectReportsTest.customer(subject));

    Set<String> inJson = leaves(SubjectReportsTest.json(report));
    assertThat(inJson).containsAll(mine).doesNotContainAnyElementsOf(others);
    Set<String> inZip = new HashSet<>();
    for (Map.Entry<String, String> entry : WrittenReports.zipEntries(report).entrySet()) {
      if (entry.getKey().endsWith(".csv")) {
        entry.getValue().lines().skip(1).forEach(line -> inZip.addAll(csvCells(line)));
      } else {
        inZip.addAll(leaves(JsonMapper.builder().build().readTree(entry.getValue())));
      }
    }
    assertThat(inZip).containsAll(mine).doesNotContainAnyElementsOf(others);
  }

  static Set<String> leaves(JsonNode node) {
    Set<String> leaves = new HashSet<>();
    if (node.isContainer()) {
      node.forEach(child -> leaves.addAll(leaves(child)));
    } else if (!node.isNull()) {
      leaves.add(node.isNumber() ? node.decimalValue().toPlainString() : node.asString());
    }
    return leaves;
  }

  private static List<String> csvCells(String line) {
    return List.of(line.replace("\"", "").split(","));
  }
}
