package dev.lethe.jpa.shapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.erasure.ErasurePlan;
import dev.lethe.jpa.shapes.treatment.Patient;
import dev.lethe.jpa.shapes.treatment.Physician;
import dev.lethe.jpa.shapes.treatment.Prescription;
import dev.lethe.jpa.shapes.treatment.Treatment;
import dev.lethe.jpa.shapes.unowned.Consultation;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.ModelProblem;
import dev.lethe.model.ModelValidationException;
import dev.lethe.model.Purpose;
import dev.lethe.spi.SubjectRecord;
import dev.lethe.subject.SubjectKey;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 4: rows shared by a patient and a physician. Each field names its owner; one
 * subject's export shows and its erasure touches only its own fields, on the selected database.
 */
class SharedRowOwnersIT {

  private static final SubjectKey PAT = new SubjectKey("patient", 1L);
  private static final SubjectKey PAM = new SubjectKey("patient", 2L);
  private static final SubjectKey DOC = new SubjectKey("physician", 1L);

  private Shape shape;

  private void populate() {
    shape = Shape.of(Patient.class, Physician.class, Treatment.class, Prescription.class);
    Patient pat = new Patient(1L, "Pat [pat]");
    Patient pam = new Patient(2L, "Pam [pam]");
    Physician doc = new Physician(1L, "Doc [doc]");
    shape.persist(
        pat,
        pam,
        doc,
        new Treatment(1L, pat, doc, "Flu [pat]", "Rested well [doc]"),
        new Treatment(2L, pam, doc, "Cold [pam]", "Needs tea [doc]"),
        new Prescription(1L, pat, doc, "Aspirin [pat]", "Signed [doc]"),
        new Prescription(2L, pam, doc, "Honey [pam]", "Signed too [doc]"));
  }

  @AfterEach
  void close() {
    if (shape != null) {
      shape.close();
    }
  }

  @Test
  @DisplayName(
      "Art. 15: each subject's export of a shared row holds its own fields and its own root's purposes only")
  void exportsOwnFieldsOnly() {
    populate();

    assertThat(shape.export(PAT).get(Treatment.class))
        .extracting(SubjectRecord::values)
        .containsExactly(Map.of("diagnosis", "Flu [pat]"));
    assertThat(Shape.values(shape.export(PAT)))
        .containsExactlyInAnyOrder("Pat [pat]", "Flu [pat]", "Aspirin [pat]");
    assertThat(Shape.values(shape.export(DOC)))
        .containsExactlyInAnyOrder(
            "Doc [doc]",
            "Rested well [doc]",
            "Needs tea [doc]",
            "Signed [doc]",
            "Signed too [doc]");
    EntityDescriptor treatment = shape.store().model().entity(Treatment.class).orElseThrow();
    assertThat(shape.store().model().purposesOf(treatment, "patient"))
        .extracting(Purpose::name)
        .containsExactly("care");
    assertThat(shape.store().model().purposesOf(treatment, "physician"))
        .extracting(Purpose::name)
        .containsExactly("staffing");
  }

  @Test
  @DisplayName(
      "Art. 17: erasing the physician erases only the physician's fields of shared rows, never the patients'")
  void erasingOneSubjectKeepsTheOthersFields() {
    populate();
    List<String> patientsRows = shape.rowsWithout("[doc]");
    Map<Class<?>, List<SubjectRecord>> patBefore = shape.export(PAT);
    Map<Class<?>, List<SubjectRecord>> pamBefore = shape.export(PAM);

    Map<Class<?>, ErasurePlan.RowCount> counts = shape.erase(DOC);

    assertThat(counts)
        .containsEntry(Treatment.class, new ErasurePlan.RowCount(0, 2))
        .containsEntry(Prescription.class, new ErasurePlan.RowCount(0, 2));
    assertThat(shape.rowsContaining("[doc]")).isEmpty();
    assertThat(shape.rowsWithout("[doc]")).containsAll(patientsRows);
    assertThat(shape.export(PAT)).isEqualTo(patBefore);
    assertThat(shape.export(PAM)).isEqualTo(pamBefore);
  }

  @Test
  @DisplayName(
      "Art. 17: a class-level DELETE_ROW naming the patient deletes the shared row with the patient only")
  void deleteRowFollowsItsOwner() {
    populate();
    List<String> othersRows =
        shape.rowsWithout("[pat]").stream()
            .filter(row -> !row.startsWith("prescription["))
            .toList();
    Map<Class<?>, List<SubjectRecord>> pamBefore = shape.export(PAM);

    Map<Class<?>, ErasurePlan.RowCount> counts = shape.erase(PAT);

    assertThat(counts)
        .containsEntry(Prescription.class, new ErasurePlan.RowCount(1, 0))
        .containsEntry(Treatment.class, new ErasurePlan.RowCount(0, 1));
    assertThat(shape.rowsContaining("[pat]")).isEmpty();
    assertThat(shape.tables().get("prescription")).hasSize(1);
    assertThat(shape.rowsWithout("[pat]")).containsAll(othersRows);
    assertThat(shape.export(PAM)).isEqualTo(pamBefore);
    assertThat(Shape.values(shape.export(DOC)))
        .containsExactlyInAnyOrder(
            "Doc [doc]", "Rested well [doc]", "Needs tea [doc]", "Signed too [doc]");
  }

  @Test
  @DisplayName(
      "Art. 15, 17: a shared row's field that names no owner, or an unknown one, is refused at start-up with the routes")
  void unownedFieldsAreRefused() {
    RuntimeException failure =
        Shape.startupFailure(Patient.class, Physician.class, Consultation.class);

    assertThat(failure).isInstanceOf(ModelValidationException.class);
    List<ModelProblem> problems = ((ModelValidationException) failure).problems();
    assertThat(problems)
        .extracting(ModelProblem::kind, ModelProblem::location)
        .containsExactlyInAnyOrder(
            Tuple.tuple(ModelProblem.Kind.OWNER_REQUIRED, Consultation.class.getName() + ".notes"),
            Tuple.tuple(
                ModelProblem.Kind.UNKNOWN_OWNER, Consultation.class.getName() + ".nurseNotes"));
    assertThat(failure.getMessage())
        .contains(
            "'patient' (patient)", "'physician' (physician)", "@PersonalData(of = \"<route>\")");
  }
}
