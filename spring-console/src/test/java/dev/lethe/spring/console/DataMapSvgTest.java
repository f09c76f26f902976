package dev.lethe.spring.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.model.PersonalDataModel;
import dev.lethe.spring.console.club.Booking;
import dev.lethe.spring.console.club.Member;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class DataMapSvgTest {

  private final PersonalDataModel model = PersonalDataModel.scan(Member.class, Booking.class);

  @Test
  @DisplayName(
      "Art. 30(1)(c): the data map is well-formed SVG with one box per entity, its data, purposes and retention in words")
  void art30_oneBoxPerEntity() throws Exception {
    String svg = DataMapSvg.of(model);

    Document document =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    NodeList boxes =
        (NodeList)
            XPathFactory.newInstance()
                .newXPath()
                .evaluate(
                    "//*[local-name()='g'][@class='entity']", document, XPathConstants.NODESET);
    assertThat(boxes.getLength()).isEqualTo(model.entities().size()).isEqualTo(2);
    assertThat(document.getDocumentElement().getTextContent())
        .contains(
            "Member",
            "E-mail address: E-mail address",
            "Full name: Full name",
            "Booking note",
            "Club <membership> & fees",
            "Kept 2 years after left at, then delete",
            "Data of member")
        .doesNotContain("fullName", "P2Y", "DELETE");
    assertThat(svg)
        .as("a label's markup is escaped")
        .contains("Club &lt;membership&gt; &amp; fees");
    assertThat(svg).as("an arrow from the booking to its member").contains("class=\"route\"");
  }
}
