package dev.lethe.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.SubjectType;
import dev.lethe.records.seed.Seed;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DataMapTest {

  private final PersonalDataModel model = Seed.model();

  @Test
  @DisplayName(
      "Art. 30(1)(c): the Mermaid map names every subject type and entity, with routes, categories and retention")
  void mermaid() throws IOException {
    StringWriter out = new StringWriter();
    DataMap.of(model).writeMermaid(out);
    String mermaid = out.toString();

    assertThat(mermaid).startsWith("flowchart LR\n");
    for (SubjectType subjectType : model.subjectTypes()) {
      assertThat(mermaid).contains("([\"" + subjectType.name() + "\"])");
    }
    for (EntityDescriptor entity : model.entities()) {
      assertThat(mermaid).contains("[\"<b>" + entity.name() + "</b>");
    }
    assertThat(mermaid)
        .contains("  subject1([\"enquirer\"])\n")
        .contains(
            "  entity3[\"<b>SoftwareSignIn</b><br/>Ip address: IP address<br/>Retention: not declared\"]\n")
        .contains("  entity3 -->|\"user.id\"| subject2\n")
        .contains("<br/>Retention: 12 months after recruitment closed on, then anonymised\"]")
        .contains(
            "  class subject1,subject2,subject3,subject4,subject5,subject6,subject7 subject\n");
  }
}
