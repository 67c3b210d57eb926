package dev.specgate.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.FileStatus;
import dev.specgate.core.LineRange;
import dev.specgate.core.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiffParserTest {

  private static String lines(String... ls) {
    return String.join("\n", ls) + "\n";
  }

  @Test
  void modifiedFileHasAddedAndRemovedLinesWithTheirNumbers() throws Exception {
    UnifiedDiff d = DiffParser.parse(lines(
        "diff --git a/src/Account.java b/src/Account.java",
        "index 83db48f..bf269f4 100644",
        "--- a/src/Account.java",
        "+++ b/src/Account.java",
        "@@ -10,4 +10,5 @@ class Account {",
        "   String id;",
        "-  Instant closedAt;",
        "+  Instant closedOn;",
        "+  String status;",
        "   Instant billingPauseUntil;",
        " }"));
    assertThat(d.files()).hasSize(1);
    FileDiff f = d.files().get(0);
    assertThat(f.type()).isEqualTo(ChangeType.MODIFIED);
    assertThat(f.oldPath()).isEqualTo("src/Account.java");
    assertThat(f.path()).isEqualTo("src/Account.java");
    assertThat(f.hunks().get(0).section()).isEqualTo("class Account {");
    assertThat(f.removedLines()).extracting(DiffLine::oldLine).containsExactly(11);
    assertThat(f.removedLines().get(0).text()).isEqualTo("  Instant closedAt;");
    assertThat(f.addedLines()).extracting(DiffLine::newLine).containsExactly(11, 12);
    assertThat(f.addedLines()).extracting(DiffLine::diffLine).containsExactly(8, 9);
    assertThat(f.addedRanges()).containsExactly(new LineRange(11, 12));
    assertThat(f.lines().get(5).oldLine()).isEqualTo(13);
    assertThat(f.lines().get(5).newLine()).isEqualTo(14);
  }

  @Test
  void newDeletedRenamedCopiedAndModeChanges() throws Exception {
    UnifiedDiff d = DiffParser.parse(lines(
        "diff --git a/db/migrations/V2__status.sql b/db/migrations/V2__status.sql",
        "new file mode 100644",
        "index 0000000..1111111",
        "--- /dev/null",
        "+++ b/db/migrations/V2__status.sql",
        "@@ -0,0 +1,2 @@",
        "+ALTER TABLE accounts",
        "+  ADD COLUMN account_status text;",
        "diff --git a/old.txt b/old.txt",
        "deleted file mode 100644",
        "index 1111111..0000000",
        "--- a/old.txt",
        "+++ /dev/null",
        "@@ -1 +0,0 @@",
        "-bye",
        "diff --git a/src/A.java b/src/B.java",
        "similarity index 90%",
        "rename from src/A.java",
        "rename to src/B.java",
        "index 1..2 100644",
        "--- a/src/A.java",
        "+++ b/src/B.java",
        "@@ -1,1 +1,1 @@",
        "-class A {}",
        "+class B {}",
        "diff --git a/x.sh b/y.sh",
        "similarity index 100%",
        "copy from x.sh",
        "copy to y.sh",
        "diff --git a/run.sh b/run.sh",
        "old mode 100644",
        "new mode 100755"));
    List<FileDiff> fs = d.files();
    assertThat(fs).extracting(FileDiff::type).containsExactly(
        ChangeType.ADDED, ChangeType.DELETED, ChangeType.RENAMED, ChangeType.COPIED, ChangeType.MODIFIED);
    assertThat(fs.get(0).oldPath()).isNull();
    assertThat(fs.get(0).newMode()).isEqualTo("100644");
    assertThat(fs.get(0).reconstructedNewContent())
        .isEqualTo("ALTER TABLE accounts\n  ADD COLUMN account_status text;\n");
    assertThat(fs.get(1).path()).isEqualTo("old.txt");
    assertThat(fs.get(1).newPath()).isNull();
    assertThat(fs.get(1).reconstructedOldContent()).isEqualTo("bye\n");
    assertThat(fs.get(2).oldPath()).isEqualTo("src/A.java");
    assertThat(fs.get(2).newPath()).isEqualTo("src/B.java");
    assertThat(fs.get(2).similarity()).isEqualTo(90);
    assertThat(fs.get(3).oldPath()).isEqualTo("x.sh");
    assertThat(fs.get(3).newPath()).isEqualTo("y.sh");
    assertThat(fs.get(3).hunks()).isEmpty();
    assertThat(fs.get(4).modeOnly()).isTrue();
    assertThat(fs.get(4).newMode()).isEqualTo("100755");

    List<SourceFile> sources = DiffSources.toSourceFiles(d);
    assertThat(sources).extracting(SourceFile::status).containsExactly(
        FileStatus.ADDED, FileStatus.DELETED, FileStatus.RENAMED, FileStatus.ADDED, FileStatus.MODIFIED);
    assertThat(sources.get(0).content()).startsWith("ALTER TABLE accounts");
    assertThat(sources.get(0).changedLines()).containsExactly(new LineRange(1, 2));
    assertThat(sources.get(0).patch()).startsWith("@@ -0,0 +1,2 @@\n+ALTER TABLE");
    assertThat(sources.get(1).baseContent()).isEqualTo("bye\n");
    assertThat(sources.get(2).previousPath()).isEqualTo("src/A.java");
    assertThat(sources.get(2).content()).isNull();
  }

  @Test
  void binaryMarkersAndGitBinaryPatch() throws Exception {
    UnifiedDiff d = DiffParser.parse(lines(
        "diff --git a/logo.png b/logo.png",
        "index 1..2 100644",
        "Binary files a/logo.png and b/logo.png differ",
        "diff --git a/icon.gif b/icon.gif",
        "new file mode 100644",
        "index 0000000..3333333",
        "GIT binary patch",
        "literal 12",
        "zcmZ?wbhEHb6krfw_{6~Q|NsAQK=FT=",
        "",
        "literal 0",
        "HcmV?d00001",
        "",
        "diff --git a/a.txt b/a.txt",
        "--- a/a.txt",
        "+++ b/a.txt",
        "@@ -1 +1 @@",
        "-x",
        "+y"));
    assertThat(d.files()).hasSize(3);
    assertThat(d.files().get(0).binary()).isTrue();
    assertThat(d.files().get(1).binary()).isTrue();
    assertThat(d.files().get(1).type()).isEqualTo(ChangeType.ADDED);
    assertThat(d.files().get(1).reconstructedNewContent()).isNull();
    assertThat(d.files().get(2).addedLines()).hasSize(1);
  }

  @Test
  void noNewlineAtEndOfFileAndCrlf() throws Exception {
    String text = "diff --git a/a.txt b/a.txt\r\nnew file mode 100644\r\n--- /dev/null\r\n+++ b/a.txt\r\n"
        + "@@ -0,0 +1,2 @@\r\n+one\r\n+two\r\n\\ No newline at end of file\r\n";
    FileDiff f = DiffParser.parse(text).files().get(0);
    assertThat(f.addedLines()).extracting(DiffLine::text).containsExactly("one", "two");
    assertThat(f.hunks().get(0).noNewlineAtEndNew()).isTrue();
    assertThat(f.reconstructedNewContent()).isEqualTo("one\ntwo");
    assertThat(f.patch()).isEqualTo("@@ -0,0 +1,2 @@\n+one\n+two\n\\ No newline at end of file\n");
  }

  @Test
  void noNewlineMarkerInTheMiddleOfAHunk() throws Exception {
    FileDiff f = DiffParser.parse(lines(
        "--- a/a.txt",
        "+++ b/a.txt",
        "@@ -1,2 +1,3 @@",
        " keep",
        "-last",
        "\\ No newline at end of file",
        "+last",
        "+more",
        "\\ No newline at end of file")).files().get(0);
    Hunk h = f.hunks().get(0);
    assertThat(h.noNewlineAtEndOld()).isTrue();
    assertThat(h.noNewlineAtEndNew()).isTrue();
    assertThat(f.addedLines()).extracting(DiffLine::newLine).containsExactly(2, 3);
  }

  @Test
  void quotedPathsWithSpacesAndUtf8Escapes() throws Exception {
    UnifiedDiff d = DiffParser.parse(lines(
        "diff --git \"a/docs/caf\\303\\251 notes.md\" \"b/docs/caf\\303\\251 notes.md\"",
        "index 1..2 100644",
        "--- \"a/docs/caf\\303\\251 notes.md\"",
        "+++ \"b/docs/caf\\303\\251 notes.md\"",
        "@@ -1 +1 @@",
        "-a",
        "+b",
        "diff --git a/with space.txt b/with space.txt",
        "old mode 100644",
        "new mode 100755"));
    assertThat(d.files().get(0).path()).isEqualTo("docs/café notes.md");
    assertThat(d.files().get(1).path()).isEqualTo("with space.txt");
  }

  @Test
  void plainDiffWithoutGitHeaderAndTimestamps() throws Exception {
    UnifiedDiff d = DiffParser.parse(lines(
        "Only in new: stray",
        "diff -u old/app.py new/app.py",
        "--- old/app.py\t2024-01-01 10:00:00.000000000 +0000",
        "+++ new/app.py\t2024-01-02 10:00:00.000000000 +0000",
        "@@ -1,2 +1,2 @@",
        " import os",
        "-x = 1",
        "+x = 2",
        "--- /dev/null",
        "+++ b/new_file.py",
        "@@ -0,0 +1 @@",
        "+print('hi')"));
    assertThat(d.files()).hasSize(2);
    assertThat(d.files().get(0).path()).isEqualTo("new/app.py");
    assertThat(d.files().get(0).type()).isEqualTo(ChangeType.MODIFIED);
    assertThat(d.files().get(1).path()).isEqualTo("new_file.py");
    assertThat(d.files().get(1).type()).isEqualTo(ChangeType.ADDED);
  }

  @Test
  void noPrefixDiff() throws Exception {
    FileDiff f = DiffParser.parse(lines(
        "diff --git src/a.txt src/a.txt",
        "--- src/a.txt",
        "+++ src/a.txt",
        "@@ -1 +1 @@",
        "-a",
        "+b")).files().get(0);
    assertThat(f.path()).isEqualTo("src/a.txt");
  }

  @Test
  void aByteOrderMarkIsIgnored() throws Exception {
    assertThat(DiffParser.parse("\uFEFF--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-a\n+b\n").files())
        .singleElement().satisfies(f -> assertThat(f.path()).isEqualTo("a.txt"));
  }

  @Test
  void emptyInputIsAnEmptyDiff() throws Exception {
    assertThat(DiffParser.parse("").isEmpty()).isTrue();
    assertThat(DiffParser.parse("\n  \n").isEmpty()).isTrue();
  }

  @Test
  void malformedInputNamesTheLineAndWhatWasExpected() {
    assertThatThrownBy(() -> DiffParser.parse("hello world\n"))
        .isInstanceOf(DiffParseException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("diff --git");
    assertThatThrownBy(() -> DiffParser.parse(lines(
        "--- a/a.txt", "+++ b/a.txt", "@@ -1,2 +1,2 @@", " one", "garbage", "+two")))
        .isInstanceOf(DiffParseException.class)
        .hasMessageContaining("line 5")
        .hasMessageContaining("expected a hunk line");
    assertThatThrownBy(() -> DiffParser.parse(lines(
        "--- a/a.txt", "+++ b/a.txt", "@@ -1,3 +1,3 @@", " one")))
        .isInstanceOf(DiffParseException.class)
        .hasMessageContaining("ends inside the hunk at line 3");
    assertThatThrownBy(() -> DiffParser.parse(lines(
        "--- a/a.txt", "+++ b/a.txt", "@@ -1 +1 @@", "-one", "+two", "+three")))
        .isInstanceOf(DiffParseException.class)
        .hasMessageContaining("line 6")
        .hasMessageContaining("hunk at line 3");
    assertThatThrownBy(() -> DiffParser.parse(lines(
        "--- a/a.txt", "+++ b/a.txt", "@@ -x +1 @@", "+two")))
        .isInstanceOf(DiffParseException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("malformed hunk header");
    assertThatThrownBy(() -> DiffParser.parse(lines("@@ -1 +1 @@", "-a", "+b")))
        .isInstanceOf(DiffParseException.class)
        .hasMessageContaining("outside any file");
  }

  @Test
  void parsesTheHunksOfOneFileAsSourceFilePatchHoldsThem() throws Exception {
    List<Hunk> hunks = DiffParser.parseHunks(lines(
        "@@ -3,2 +3,2 @@", " a", "-b", "+c", "@@ -20 +20,2 @@", " z", "+y"));
    assertThat(hunks).hasSize(2);
    assertThat(hunks.get(1).lines().get(1).newLine()).isEqualTo(21);
    assertThatThrownBy(() -> DiffParser.parseHunks("not a hunk\n"))
        .isInstanceOf(DiffParseException.class)
        .hasMessageContaining("expected a hunk header");
  }

  @Test
  void fileChangeReadsPatchOrTreatsAddedFileAsAllAdded() {
    SourceFile withPatch = new SourceFile("a.txt", FileStatus.MODIFIED, null, null, null,
        List.of(new LineRange(2, 2)), false, "@@ -1,2 +1,2 @@\n a\n-b\n+c\n");
    FileChange c = FileChange.of(withPatch);
    assertThat(c.removed()).extracting(DiffLine::text).containsExactly("b");
    assertThat(c.added()).extracting(DiffLine::newLine).containsExactly(2);

    FileChange added = FileChange.of(SourceFile.added("b.txt", "x\ny\n"));
    assertThat(added.added()).extracting(DiffLine::text).containsExactly("x", "y");
    assertThat(added.patchError()).isNull();

    SourceFile broken = new SourceFile("c.txt", FileStatus.ADDED, "q\n", null, null,
        List.of(new LineRange(1, 1)), false, "garbage\n");
    FileChange fallback = FileChange.of(broken);
    assertThat(fallback.patchError()).contains("c.txt").contains("line 1");
    assertThat(fallback.added()).extracting(DiffLine::text).containsExactly("q");
  }

  @Test
  void formatPatchMailWithCommitMessageAndSignature() throws Exception {
    UnifiedDiff d = DiffParser.parse(lines(
        "From 1234567 Mon Sep 17 00:00:00 2001",
        "Subject: [PATCH] Add status",
        "",
        "- a bullet in the message, not a removed line",
        "---",
        " a.txt | 2 +-",
        "",
        "diff --git a/a.txt b/a.txt",
        "index 1..2 100644",
        "--- a/a.txt",
        "+++ b/a.txt",
        "@@ -1 +1 @@",
        "-x",
        "+y",
        "-- ",
        "2.43.0"));
    assertThat(d.files()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("a.txt");
      assertThat(f.addedLines()).extracting(DiffLine::text).containsExactly("y");
    });
  }
}
