package dev.lethe.jpa.shapes.schema;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Retention;
import dev.lethe.annotation.RetentionAction;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Item 13, handled: an author's posts are deleted; a post may reply to another (a self-referencing
 * thread), also to another author's post, whose reply then stays without its parent; retention
 * deletes posts after thirty days, detaching the same rows.
 */
@Entity
@Retention(
    period = "P30D",
    clock = "postedAt",
    action = RetentionAction.DELETE,
    reason = "Posts are kept thirty days")
public class Post {
  @Id public Long id;

  @ManyToOne(optional = false)
  @JoinColumn(nullable = false)
  public Author author;

  @ManyToOne public @Nullable Post parent;

  @PersonalData(category = "communication.content", erasure = ErasureStrategy.DELETE_ROW)
  public @Nullable String text;

  public @Nullable Instant postedAt;

  protected Post() {
    this.id = 0L;
    this.author = new Author();
  }

  public Post(Long id, Author author, @Nullable Post parent, String text, Instant postedAt) {
    this.id = id;
    this.postedAt = postedAt;
    this.author = author;
    this.parent = parent;
    this.text = text;
  }
}
