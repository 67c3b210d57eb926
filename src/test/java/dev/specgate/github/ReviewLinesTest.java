package dev.specgate.github;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReviewLinesTest {
  // Two hunks: new-side lines 3..6 (3 context, 4 and 5 added, 6 context) and 20..22.
  private static final String PATCH = String.join("\n",
      "@@ -3,3 +3,4 @@ CREATE TABLE accounts (",
      " id bigint primary key,",
      "+email text,",
      "+status text not null,",
      "-old text",
      " created_at timestamptz",
      "@@ -18,2 +20,3 @@",
      " a",
      "+b",
      " c",
      "\\ No newline at end of file");

  @Test
  void addedAndContextLinesOnTheNewSideAreCommentable() {
    ReviewLines rl = ReviewLines.of(PATCH);
    assertThat(rl.commentable(3)).isTrue();
    assertThat(rl.commentable(4)).isTrue();
    assertThat(rl.commentable(5)).isTrue();
    assertThat(rl.commentable(6)).isTrue();
    assertThat(rl.commentable(7)).isFalse();
    assertThat(rl.commentable(2)).isFalse();
    assertThat(rl.commentable(19)).isFalse();
    assertThat(rl.commentable(20)).isTrue();
    assertThat(rl.commentable(22)).isTrue();
    assertThat(rl.commentable(23)).isFalse();
  }

  @Test
  void aRangeMustStayInOneHunk() {
    ReviewLines rl = ReviewLines.of(PATCH);
    assertThat(rl.commentable(4, 6)).isTrue();
    assertThat(rl.commentable(5, 20)).isFalse();
    assertThat(rl.firstCommentableIn(1, 4)).isEqualTo(3);
    assertThat(rl.firstCommentableIn(8, 12)).isEqualTo(-1);
  }

  @Test
  void noPatchMeansNoCommentableLine() {
    assertThat(ReviewLines.of(null).isEmpty()).isTrue();
    assertThat(ReviewLines.of(null).commentable(1)).isFalse();
  }

  @Test
  void crlfPatchesAreRead() {
    ReviewLines rl = ReviewLines.of("@@ -0,0 +1,2 @@\r\n+a\r\n+b\r\n");
    assertThat(rl.commentable(1, 2)).isTrue();
    assertThat(rl.commentable(3)).isFalse();
  }
}
