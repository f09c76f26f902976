package dev.lethe.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.subject.SubjectKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The residue check over a small schema on H2, with erasures written in SQL that are right or wrong on purpose. */
class ResidueCheckTest {

  private static final SubjectKey ALICE = new SubjectKey("customer", 1L);
  private static final List<String> ALICE_VALUES =
      List.of("Alice Liddell", "alice@example.org", "+44 1234 5678", "Wonderland 1");

  private JdbcDataSource dataSource;

  @BeforeEach
  void schema() {
    dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:residue" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    run(
        "create table customer (id bigint primary key, name varchar(64), email varchar(64))",
        "create table \"Order Line\" (id bigint primary key, customer_id bigint references customer(id),"
            + " address varchar(64), total decimal(10,2))",
        "create table tag (id bigint primary key, label varchar(32))",
        "create table customer_tag (customer_id bigint references customer(id), tag_id bigint references tag(id),"
            + " primary key (customer_id, tag_id))",
        "create table phone (customer_id bigint references customer(id), number varchar(32))",
        "create table note (id bigint primary key, body varchar(200))",
        "insert into customer values (1, 'Alice Liddell', 'alice@example.org'), (2, 'Bob Builder', 'bob@example.org')",
        "insert into \"Order Line\" values (10, 1, 'Wonderland 1', 12.50), (11, 2, 'Yard 7', 3)",
        "insert into tag values (100, 'vip'), (101, 'new')",
        "insert into customer_tag values (1, 100), (2, 100), (2, 101)",
        "insert into phone values (1, '+44 1234 5678'), (2, '+44 8765 4321')",
        "insert into note values (1000, 'called alice@example.org about the order'), (1001, 'called bob')");
  }

  private void run(String... statements) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private ResidueCheck check(String... erasure) {
    return ResidueCheck.of(dataSource).erasing(ALICE, () -> run(erasure)).withValues(ALICE_VALUES);
  }

  @Test
  @DisplayName(
      "Art. 17(1): an erasure that removes every value of the subject and nothing else passes")
  void completeErasurePasses() {
    check(
            "delete from customer_tag where customer_id = 1",
            "delete from phone where customer_id = 1",
            "update \"Order Line\" set address = null where customer_id = 1",
            "update note set body = '[erased]' where id = 1000",
            "update customer set name = null, email = null where id = 1")
        .assertNoResidue();
  }

  @Test
  @DisplayName(
      "Art. 17(1): a value left in a table without primary key is reported by table, column and row, without the value")
  void residualValueIsReportedWithoutTheValue() {
    ResidueCheck check =
        check(
            "delete from customer_tag where customer_id = 1",
            "update \"Order Line\" set address = null where customer_id = 1",
            "update note set body = '[erased]' where id = 1000",
            "update customer set name = null, email = null where id = 1");

    assertThat(check.findResidue())
        .containsExactly(new Residue(Residue.Kind.RESIDUAL_VALUE, "PHONE", "NUMBER", "#1"));
    schema();
    assertThatThrownBy(check("update customer set name = null where id = 1")::assertNoResidue)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("CUSTOMER.EMAIL [ID=1]")
        .hasMessageContaining("Order Line.ADDRESS [ID=10]")
        .satisfies(failure -> assertThat(ALICE_VALUES).noneMatch(failure.getMessage()::contains));
  }

  @Test
  @DisplayName("Art. 17(1): a value of the subject inside a longer text is residue")
  void valueInsideLongerTextIsResidue() {
    assertThat(
            check(
                    "delete from customer_tag where customer_id = 1",
                    "delete from phone where customer_id = 1",
                    "delete from \"Order Line\" where customer_id = 1",
                    "delete from customer where id = 1")
                .findResidue())
        .containsExactly(new Residue(Residue.Kind.RESIDUAL_VALUE, "NOTE", "BODY", "ID=1000"));
  }

  @Test
  @DisplayName(
      "Art. 5(1)(d): a changed or deleted row of another subject is reported, shared rows included")
  void otherSubjectsRowsMustNotChange() {
    List<Residue> found =
        check(
                "delete from customer_tag where tag_id = 100",
                "delete from phone",
                "update \"Order Line\" set address = null",
                "update note set body = '[erased]' where id = 1000",
                "update customer set name = null, email = null where id = 1")
            .findResidue();

    assertThat(found)
        .containsExactlyInAnyOrder(
            new Residue(
                Residue.Kind.OTHER_ROW_DELETED, "CUSTOMER_TAG", "", "CUSTOMER_ID=2, TAG_ID=100"),
            new Residue(Residue.Kind.OTHER_ROW_CHANGED, "PHONE", "", "#2"),
            new Residue(Residue.Kind.OTHER_ROW_CHANGED, "Order Line", "", "ID=11"));
  }

  @Test
  @DisplayName(
      "Rows that reference the subject's rows may change with them: join and element rows follow their owner")
  void rowsReferencingTheSubjectMayGo() {
    run(
        "create table audit_link (id bigint primary key, line_id bigint references \"Order Line\"(id))",
        "insert into audit_link values (1, 10), (2, 11)");
    check(
            "delete from audit_link where line_id = 10",
            "delete from customer_tag where customer_id = 1",
            "delete from phone where customer_id = 1",
            "delete from \"Order Line\" where customer_id = 1",
            "update note set body = null where id = 1000",
            "delete from customer where id = 1")
        .assertNoResidue();
  }

  @Test
  @DisplayName(
      "Short values and numbers in key columns are not matched, so that ids do not count as residue")
  void shortValuesAndKeysDoNotMatch() {
    ResidueCheck check =
        ResidueCheck.of(dataSource)
            .erasing(ALICE, () -> run("update customer set name = null where id = 1"))
            .withValues(List.of("Alice Liddell", 1000L, "vip"));
    assertThat(check.findResidue()).isEmpty();
    assertThat(check.withMinimumLength(3).findResidue())
        .containsExactly(new Residue(Residue.Kind.RESIDUAL_VALUE, "TAG", "LABEL", "ID=100"));
    assertThat(check.withValues(List.of(12.5)).findResidue())
        .as("12.50 in a decimal column is the number 12.5")
        .containsExactly(new Residue(Residue.Kind.RESIDUAL_VALUE, "Order Line", "TOTAL", "ID=10"));
  }

  @Test
  @DisplayName("Ignored tables are neither searched nor compared")
  void ignoredTablesAreSkipped() {
    assertThat(
            check(
                    "delete from note",
                    "delete from customer_tag where customer_id = 1",
                    "delete from phone where customer_id = 1",
                    "delete from \"Order Line\" where customer_id = 1",
                    "delete from customer where id = 1")
                .ignoringTables("note")
                .findResidue())
        .isEmpty();
  }

  @Test
  @DisplayName("A check without a subject or values is refused with what to call")
  void incompleteCheckIsRefused() {
    assertThatThrownBy(ResidueCheck.of(dataSource)::findResidue)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("erasing(subject, erasure)");
    assertThatThrownBy(ResidueCheck.of(dataSource).erasing(ALICE, () -> {})::findResidue)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("withExport(model, store)");
  }
}
