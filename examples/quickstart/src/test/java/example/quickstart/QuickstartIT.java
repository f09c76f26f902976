package example.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.jpa.JpaPersonalDataStore;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.spi.PersonalDataStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The README's quick start, run: the application has the starter as its one Lethe dependency and no
 * Lethe property, and the README's first call answers an access request.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class QuickstartIT {

  @Autowired CustomerRepository customers;
  @Autowired PrivacyRequests privacyRequests;
  @Autowired PersonalDataModel model;
  @Autowired PersonalDataStore store;

  @Test
  @DisplayName(
      "Art. 15: with the starter alone, the model is discovered from JPA and the README's first call answers with the customer's data as a ZIP")
  void art15_theFirstCallSendsTheCustomerACopy(CapturedOutput output) throws IOException {
    Customer ada = new Customer();
    ada.id = 1L;
    ada.email = "ada@example.com";
    customers.save(ada);

    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    privacyRequests.sendCopy("ada@example.com", zip);

    assertThat(store).isInstanceOf(JpaPersonalDataStore.class);
    assertThat(model.entity(Customer.class)).isPresent();
    assertThat(entries(zip.toByteArray()))
        .hasEntrySatisfying(
            "report.json", report -> assertThat(report).contains("ada@example.com"));
    assertThat(
            output
                .getOut()
                .lines()
                .filter(
                    line ->
                        line.contains(" WARN ")
                            && line.contains(
                                "Lethe runs with a random" + " pseudonym key for this run")
                            && line.contains("in-memory H2 database")))
        .hasSize(1);
  }

  private static Map<String, String> entries(byte[] zip) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }
}
