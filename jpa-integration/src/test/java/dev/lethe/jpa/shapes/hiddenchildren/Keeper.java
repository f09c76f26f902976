package dev.lethe.jpa.shapes.hiddenchildren;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;

/** The subject, listing its diary entries one way. */
@Entity
@DataSubject("keeper")
@Processing(purpose = "diaries", basis = LawfulBasis.Kind.CONTRACT)
public class Keeper {
  @Id public Long id;

  @PersonalData(category = "identity.name")
  public String name;

  @OneToMany
  @JoinColumn(name = "keeper_id")
  public List<DiaryEntry> entries = new ArrayList<>();

  protected Keeper() {}
}
