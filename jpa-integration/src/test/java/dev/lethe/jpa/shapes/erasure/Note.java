package dev.lethe.jpa.shapes.erasure;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.SQLRestriction;
import org.jspecify.annotations.Nullable;

/** A patron's note; archived notes are hidden from every query by a restriction, yet hold personal data. */
@Entity
@SQLRestriction("archived = false")
public class Note {
  @Id public Long id;

  @ManyToOne public Patron patron;

  public boolean archived;

  @PersonalData(category = "communication.content", erasure = ErasureStrategy.NULLIFY)
  public @Nullable String text;

  @ElementCollection
  @PersonalData(
      category = "communication.content",
      erasure = ErasureStrategy.MASK,
      maskKeepFirst = 1)
  public List<String> tags = new ArrayList<>();

  protected Note() {}

  public Note(Long id, Patron patron, boolean archived, String text, List<String> tags) {
    this.id = id;
    this.patron = patron;
    this.archived = archived;
    this.text = text;
    this.tags = new ArrayList<>(tags);
  }
}
