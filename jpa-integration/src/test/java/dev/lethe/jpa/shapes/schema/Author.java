package dev.lethe.jpa.shapes.schema;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Item 13, handled: a subject root deleted on erasure, whose bookmarks (no personal data, a
 * unidirectional {@code @OneToMany} with a nullable join column) stay and are detached.
 */
@Entity
@DataSubject("author")
public class Author {
  @Id public Long id;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.DELETE_ROW)
  public @Nullable String name;

  @OneToMany
  @JoinColumn(name = "author_id")
  public List<Bookmark> bookmarks = new ArrayList<>();

  protected Author() {
    this.id = 0L;
  }

  public Author(Long id, String name) {
    this.id = id;
    this.name = name;
  }
}
