package example.consultancy.people;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A vacancy and its recruitment exercise; no personal data. */
@Entity
public class RecruitmentExercise {

  @Id @GeneratedValue public @Nullable Long id;

  public @Nullable String title;

  /** When the exercise was completed; null while it is open. */
  public @Nullable LocalDate closedOn;

  protected RecruitmentExercise() {}

  /** An open exercise for {@code title}. */
  public RecruitmentExercise(String title) {
    this.title = title;
  }
}
