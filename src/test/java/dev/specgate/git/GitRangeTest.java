package dev.specgate.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.FileStatus;
import dev.specgate.core.LineRange;
import dev.specgate.core.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRangeTest {
  @TempDir Path dir;
  private Git git;

  @BeforeEach
  void init() throws GitAPIException {
    git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
  }

  @AfterEach
  void close() {
    git.close();
  }

  private void write(String path, String text) throws IOException {
    write(path, text.getBytes(StandardCharsets.UTF_8));
  }

  private void write(String path, byte[] bytes) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  private RevCommit commit(String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    PersonIdent who = new PersonIdent("Test", "test@example.com");
    return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
  }

  private static SourceFile file(ChangeSet set, String path) {
    return set.file(path).orElseThrow(() -> new AssertionError("no file " + path + " in " + set));
  }

  @Test
  void addedFileIsWholeAndUntouchedFilesAreContext() throws Exception {
    write("db/migrations/001_accounts.sql", "CREATE TABLE accounts (id bigint);\n");
    write("README.md", "hello\n");
    commit("base");
    write("db/migrations/002_orders.sql", "CREATE TABLE orders (\n  id bigint\n);\n");
    commit("head");

    ChangeSet set = GitRange.changeSet(dir, "HEAD~1", null);

    assertThat(set.kind()).isEqualTo(ChangeSet.Kind.RANGE);
    assertThat(set.headTreeComplete()).isTrue();
    SourceFile added = file(set, "db/migrations/002_orders.sql");
    assertThat(added.status()).isEqualTo(FileStatus.ADDED);
    assertThat(added.content()).isEqualTo("CREATE TABLE orders (\n  id bigint\n);\n");
    assertThat(added.baseContent()).isNull();
    assertThat(added.changedLines()).containsExactly(new LineRange(1, 3));
    assertThat(added.patch()).startsWith("@@ -0,0 +1,3 @@\n+CREATE TABLE orders (\n");

    SourceFile earlier = file(set, "db/migrations/001_accounts.sql");
    assertThat(earlier.status()).isEqualTo(FileStatus.UNCHANGED);
    assertThat(earlier.content()).isEqualTo("CREATE TABLE accounts (id bigint);\n");
    assertThat(earlier.changedLines()).isEmpty();
    assertThat(file(set, "README.md").status()).isEqualTo(FileStatus.UNCHANGED);
    assertThat(set.changedFiles()).extracting(SourceFile::path)
        .containsExactly("db/migrations/002_orders.sql");
  }

  @Test
  void modifiedFileHasBaseContentChangedLinesAndPatch() throws Exception {
    write("schema.sql", "a\nb\nc\nd\ne\nf\ng\nh\n");
    commit("base");
    write("schema.sql", "a\nB\nc\nd\ne\nf\ng\nh\nnew1\nnew2\n");
    commit("head");

    SourceFile f = file(GitRange.changeSet(dir, "HEAD~1", "HEAD"), "schema.sql");

    assertThat(f.status()).isEqualTo(FileStatus.MODIFIED);
    assertThat(f.baseContent()).isEqualTo("a\nb\nc\nd\ne\nf\ng\nh\n");
    assertThat(f.content()).endsWith("new1\nnew2\n");
    assertThat(f.changedLines()).containsExactly(new LineRange(2, 2), new LineRange(9, 10));
    assertThat(f.touches(5, 7)).isFalse();
    assertThat(f.patch()).startsWith("@@ ").contains("-b\n+B\n").contains("+new2\n")
        .doesNotContain("diff --git");
  }

  @Test
  void pureDeletionOfLinesTouchesNoHeadLine() throws Exception {
    write("x.sql", "one\ntwo\nthree\n");
    commit("base");
    write("x.sql", "one\nthree\n");
    commit("head");

    SourceFile f = file(GitRange.changeSet(dir, "HEAD~1", null), "x.sql");

    assertThat(f.status()).isEqualTo(FileStatus.MODIFIED);
    assertThat(f.changedLines()).isEmpty();
    assertThat(f.patch()).contains("-two\n");
  }

  @Test
  void deletedFileKeepsBaseContent() throws Exception {
    write("db/migrations/001_a.sql", "DROP TABLE a;\n");
    write("keep.txt", "k\n");
    commit("base");
    Files.delete(dir.resolve("db/migrations/001_a.sql"));
    commit("head");

    ChangeSet set = GitRange.changeSet(dir, "HEAD~1", null);
    SourceFile f = file(set, "db/migrations/001_a.sql");

    assertThat(f.status()).isEqualTo(FileStatus.DELETED);
    assertThat(f.content()).isNull();
    assertThat(f.baseContent()).isEqualTo("DROP TABLE a;\n");
    assertThat(f.changedLines()).isEmpty();
    assertThat(f.patch()).startsWith("@@ -1 +0,0 @@\n-DROP TABLE a;");
    assertThat(f.exists()).isFalse();
  }

  @Test
  void renameIsDetectedWithPreviousPath() throws Exception {
    String body = "CREATE TABLE accounts (\n  id bigint primary key,\n  email text,\n"
        + "  name text,\n  created_at timestamptz\n);\n";
    write("db/old/001_accounts.sql", body);
    commit("base");
    Files.delete(dir.resolve("db/old/001_accounts.sql"));
    write("db/migrations/001_accounts.sql", body.replace("name text", "full_name text"));
    commit("head");

    ChangeSet set = GitRange.changeSet(dir, "HEAD~1", null);
    SourceFile f = file(set, "db/migrations/001_accounts.sql");

    assertThat(f.status()).isEqualTo(FileStatus.RENAMED);
    assertThat(f.previousPath()).isEqualTo("db/old/001_accounts.sql");
    assertThat(f.baseContent()).isEqualTo(body);
    assertThat(f.changedLines()).containsExactly(new LineRange(4, 4));
    assertThat(set.file("db/old/001_accounts.sql")).isEmpty();
  }

  @Test
  void binaryFilesHaveNoContent() throws Exception {
    write("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3});
    write("data/blob.bin", new byte[] {1, 0, 2});
    commit("base");
    write("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 9, 9, 9});
    commit("head");

    ChangeSet set = GitRange.changeSet(dir, "HEAD~1", null);

    SourceFile changed = file(set, "logo.png");
    assertThat(changed.status()).isEqualTo(FileStatus.MODIFIED);
    assertThat(changed.binary()).isTrue();
    assertThat(changed.content()).isNull();
    assertThat(changed.patch()).isNull();
    assertThat(changed.changedLines()).isEmpty();
    SourceFile context = file(set, "data/blob.bin");
    assertThat(context.status()).isEqualTo(FileStatus.UNCHANGED);
    assertThat(context.binary()).isTrue();
    assertThat(context.content()).isNull();
    assertThat(set.headTreeComplete()).isTrue();
  }

  @Test
  void nonUtf8TextIsDecodedLeniently() throws Exception {
    write("README.md", "x\n");
    commit("base");
    // Latin-1 "café" then a truncated UTF-8 sequence: neither is valid UTF-8.
    write("db/migrations/002_latin1.sql",
        new byte[] {'-', '-', ' ', 'c', 'a', 'f', (byte) 0xE9, '\n', 'S', 'E', 'L', 'E', 'C', 'T',
            ' ', '1', ';', (byte) 0xE2, (byte) 0x82, '\n'});
    commit("head");

    SourceFile f = file(GitRange.changeSet(dir, "HEAD~1", null), "db/migrations/002_latin1.sql");

    assertThat(f.binary()).isFalse();
    assertThat(f.content()).startsWith("-- caf\uFFFD\nSELECT 1;\uFFFD");
    assertThat(f.changedLines()).containsExactly(new LineRange(1, 2));
  }

  @Test
  void utf8ByteOrderMarkIsDropped() throws Exception {
    write("a.txt", "x\n");
    commit("base");
    write("b.sql", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'S', 'E', 'L', 'E', 'C',
        'T', ' ', '1', ';', '\n'});
    commit("head");

    assertThat(file(GitRange.changeSet(dir, "HEAD~1", null), "b.sql").content())
        .isEqualTo("SELECT 1;\n");
  }

  @Test
  void largeFilesAreSkippedAndATextOneMakesTheTreeIncomplete() throws Exception {
    write("a.txt", "x\n");
    commit("base");
    byte[] big = new byte[GitRange.MAX_FILE_BYTES + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    write("dump.sql", big);
    commit("head");

    ChangeSet set = GitRange.changeSet(dir, "HEAD~1", null);
    SourceFile f = file(set, "dump.sql");

    assertThat(f.status()).isEqualTo(FileStatus.ADDED);
    assertThat(f.binary()).isTrue();
    assertThat(f.content()).isNull();
    assertThat(f.patch()).isNull();
    assertThat(set.headTreeComplete()).isFalse();
  }

  @Test
  void uncommittedChangesDoNotLeakIn() throws Exception {
    write("a.sql", "SELECT 1;\n");
    commit("base");
    write("a.sql", "SELECT 2;\n");
    commit("head");
    write("a.sql", "SELECT 3; -- not committed\n");
    write("untracked.sql", "DROP TABLE x;\n");

    ChangeSet set = GitRange.changeSet(dir, "HEAD~1", "HEAD");

    assertThat(file(set, "a.sql").content()).isEqualTo("SELECT 2;\n");
    assertThat(set.file("untracked.sql")).isEmpty();
  }

  @Test
  void comparesFromTheMergeBaseWhenTheBaseBranchMovedOn() throws Exception {
    write("db/migrations/001_a.sql", "CREATE TABLE a (id int);\n");
    commit("base");
    git.branchCreate().setName("feature").call();
    write("db/migrations/002_main_only.sql", "CREATE TABLE m (id int);\n");
    commit("main moves on");
    git.checkout().setName("feature").call();
    write("db/migrations/002_feature.sql", "CREATE TABLE f (id int);\n");
    commit("feature");

    ChangeSet set = GitRange.changeSet(dir, "main", "feature");

    assertThat(set.changedFiles()).extracting(SourceFile::path)
        .containsExactly("db/migrations/002_feature.sql");
    assertThat(set.file("db/migrations/002_main_only.sql")).isEmpty();
  }

  @Test
  void worksFromASubdirectoryOfTheWorkTree() throws Exception {
    write("db/migrations/001_a.sql", "SELECT 1;\n");
    commit("base");
    write("db/migrations/002_b.sql", "SELECT 2;\n");
    commit("head");

    ChangeSet set = GitRange.changeSet(dir.resolve("db"), "HEAD~1", null);

    assertThat(set.changedFiles()).extracting(SourceFile::path)
        .containsExactly("db/migrations/002_b.sql");
  }

  @Test
  void readsABareRepositoryAndAGitFilePointingElsewhere(@TempDir Path other) throws Exception {
    write("db/migrations/001_a.sql", "SELECT 1;\n");
    commit("base");
    write("db/migrations/002_b.sql", "SELECT 2;\n");
    commit("head");

    Path bare = other.resolve("bare.git");
    Git.cloneRepository().setURI(dir.toUri().toString()).setDirectory(bare.toFile()).setBare(true)
        .call().close();
    assertThat(GitRange.changeSet(bare, "HEAD~1", null).changedFiles())
        .extracting(SourceFile::path).containsExactly("db/migrations/002_b.sql");

    // A linked work tree or submodule has a .git file naming the real repository folder.
    Path linked = Files.createDirectories(other.resolve("linked"));
    Files.writeString(linked.resolve(".git"), "gitdir: " + dir.resolve(".git") + "\n");
    assertThat(GitRange.changeSet(linked, "HEAD~1", null).changedFiles())
        .extracting(SourceFile::path).containsExactly("db/migrations/002_b.sql");
  }

  @Test
  void unknownRefNamesTheRefAndWhatWasExpected() throws Exception {
    write("a.sql", "SELECT 1;\n");
    commit("base");

    assertThatThrownBy(() -> GitRange.changeSet(dir, "no-such-branch", null))
        .isInstanceOf(GitSourceException.class)
        .hasMessageContaining("--base no-such-branch")
        .hasMessageContaining("expected a branch, tag or commit id");
    assertThatThrownBy(() -> GitRange.changeSet(dir, "HEAD", "v9.9"))
        .isInstanceOf(GitSourceException.class)
        .hasMessageContaining("--head v9.9");
    assertThatThrownBy(() -> GitRange.changeSet(dir, "HEAD~5", null))
        .isInstanceOf(GitSourceException.class)
        .hasMessageContaining("--base HEAD~5");
  }

  @Test
  void missingCommitIdSaysItIsNotInTheRepository() throws Exception {
    write("a.sql", "SELECT 1;\n");
    commit("base");

    assertThatThrownBy(
            () -> GitRange.changeSet(dir, "0123456789abcdef0123456789abcdef01234567", null))
        .isInstanceOf(GitSourceException.class)
        .hasMessageContaining("--base 0123456789abcdef0123456789abcdef01234567")
        .hasMessageContaining("fetch");
  }

  @Test
  void refToATreeIsRejected() throws Exception {
    write("a.sql", "SELECT 1;\n");
    commit("base");

    assertThatThrownBy(() -> GitRange.changeSet(dir, "HEAD^{tree}", null))
        .isInstanceOf(GitSourceException.class)
        .hasMessageContaining("--base HEAD^{tree}");
  }

  @Test
  void folderOutsideAnyRepositoryIsAClearError(@TempDir Path elsewhere) {
    assertThatThrownBy(() -> GitRange.changeSet(elsewhere, "main", null))
        .isInstanceOf(GitSourceException.class)
        .hasMessageContaining("not inside a git repository");
  }
}
