package dev.specgate.git;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.FileStatus;
import dev.specgate.core.LineRange;
import dev.specgate.core.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Builds the {@link ChangeSet} of a git range ({@code check --base REF [--head REF]}) with JGit.
 *
 * <p>What it reads, and how:
 *
 * <ul>
 *   <li>Both commits come from the object database, never the working tree: uncommitted edits do
 *       not leak in, and a bare repository works too.
 *   <li>The change is {@code merge-base(base, head)..head}, the way a pull request and {@code git
 *       diff base...head} show it: when the base branch moved on after head branched off, its newer
 *       commits are not shown as reverted by the change. When base is an ancestor of head (the usual
 *       case) the merge base is base itself. Without a merge base (unrelated histories, or a shallow
 *       clone that lacks it) base is compared directly. "Content at base" means content at that
 *       comparison commit.
 *   <li>Every regular file of the head tree is in the change set: the files the change touched as
 *       ADDED, MODIFIED or RENAMED (rename detection on, JGit's default similarity of 60%), the
 *       untouched ones as UNCHANGED context (earlier migrations to replay, code to search for
 *       references), plus DELETED files with their base content. Submodules and symbolic links are
 *       not files and are left out. A copy git detects is an ADDED file.
 *   <li>{@code changedLines} are the head line ranges the change inserted or replaced; a pure
 *       deletion touches no head line. {@code patch} is the file's unified diff from the first
 *       {@code @@} on, with 3 context lines as {@code git diff} and GitHub show it; an empty string
 *       when a text file changed without a hunk (a pure rename, a mode change), {@code null} for a
 *       binary file.
 *   <li>A blob with a NUL byte in its first 8,000 bytes is binary ({@code binary=true}, no
 *       content). Text is decoded as UTF-8 leniently: malformed bytes become U+FFFD.
 *   <li>A blob over {@value #MAX_FILE_BYTES} bytes (or the limit given to {@link #read}) is not
 *       loaded at all and is marked binary,
 *       whatever its bytes: no migration or packet is that large, and loading such files (dumps,
 *       fixtures, vendored bundles) would cost more memory than the analysis itself. Because a large
 *       file that looks like text cannot then be searched for references, {@code headTreeComplete}
 *       is {@code false} when one was skipped at head; otherwise it is {@code true}.
 * </ul>
 */
public final class GitRange {
  /** Files larger than this are skipped as binary-like (see the class comment). */
  public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;

  /** Context lines in {@link SourceFile#patch()}: git's and GitHub's default. */
  public static final int PATCH_CONTEXT_LINES = 3;

  private final Repository repo;
  private final ObjectReader reader;
  private final int maxFileBytes;
  private final Map<ObjectId, Blob> blobs = new HashMap<>();
  /** Paths of text files at head left unread for their size, for the user to be told. */
  private final java.util.Set<String> tooLarge = new java.util.TreeSet<>();
  private boolean skippedLargeText;

  private GitRange(Repository repo, long maxFileBytes) {
    this.repo = repo;
    this.reader = repo.newObjectReader();
    this.maxFileBytes = (int) Math.max(1, Math.min(Integer.MAX_VALUE - 8, maxFileBytes));
  }

  /** A change read from git, and the text files it left unread for their size (head paths). */
  public record Read(ChangeSet changes, List<String> tooLarge) {}

  /**
   * The change from {@code baseRef} to {@code headRef} in the repository holding {@code repo}.
   *
   * @param repo the work tree, any folder inside it, or a {@code .git}/bare repository folder
   * @param baseRef a branch, tag, commit id or revision expression ({@code origin/main}, {@code
   *     HEAD~3})
   * @param headRef as baseRef; {@code null} means {@code HEAD}
   * @throws GitSourceException when {@code repo} is no repository or a ref names no commit there
   */
  public static ChangeSet changeSet(Path repo, String baseRef, String headRef) {
    return read(repo, baseRef, headRef, MAX_FILE_BYTES).changes();
  }

  /** As {@link #changeSet}, reading blobs of at most {@code maxFileBytes} (others as described above). */
  public static Read read(Path repo, String baseRef, String headRef, long maxFileBytes) {
    if (baseRef == null || baseRef.isBlank()) {
      throw new GitSourceException("--base is required: expected a branch, tag or commit id");
    }
    String head = headRef == null || headRef.isBlank() ? Constants.HEAD : headRef;
    try (Repository repository = open(repo)) {
      GitRange range = new GitRange(repository, maxFileBytes);
      try {
        ChangeSet changes = range.build(baseRef, head);
        return new Read(changes, List.copyOf(range.tooLarge));
      } finally {
        range.reader.close();
      }
    } catch (IOException e) {
      throw new GitSourceException(
          "cannot read the git repository at " + repo + ": " + e.getMessage(), e);
    }
  }

  /**
   * The commit id {@code ref} names (a Check Run and links need the sha, not a branch name).
   *
   * @throws GitSourceException when {@code repo} is no repository or {@code ref} names no commit
   */
  public static String commitId(Path repo, String ref) {
    try (Repository repository = open(repo)) {
      org.eclipse.jgit.lib.ObjectId id = repository.resolve(ref + "^{commit}");
      if (id == null) throw new GitSourceException("no commit " + ref + " in " + repo);
      return id.getName();
    } catch (IOException | RuntimeException e) {
      if (e instanceof GitSourceException g) throw g;
      throw new GitSourceException("cannot resolve " + ref + " in " + repo + ": " + e.getMessage(), e);
    }
  }

  private static Repository open(Path path) throws IOException {
    if (path == null || !Files.exists(path)) {
      throw new GitSourceException(
          "no such directory: " + path + " (expected a folder inside a git repository)");
    }
    FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
    builder.findGitDir(path.toAbsolutePath().toFile());
    if (builder.getGitDir() == null) {
      throw new GitSourceException(
          path + " is not inside a git repository: --base needs a git work tree (run git init, or"
              + " drop --base to check the files as they are)");
    }
    return builder.build();
  }

  private ChangeSet build(String baseRef, String headRef) throws IOException {
    try (RevWalk walk = new RevWalk(reader)) {
      RevCommit base = walk.parseCommit(resolve(baseRef, "--base"));
      RevCommit head = walk.parseCommit(resolve(headRef, "--head"));
      RevCommit from = mergeBase(base, head);

      Map<String, SourceFile> changed = new LinkedHashMap<>();
      try (DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
        diff.setReader(reader, repo.getConfig());
        diff.setDetectRenames(true);
        diff.setContext(PATCH_CONTEXT_LINES);
        diff.setBinaryFileThreshold(maxFileBytes);
        for (DiffEntry entry : diff.scan(from.getTree(), head.getTree())) {
          SourceFile file = changedFile(diff, entry);
          if (file != null) changed.put(file.path(), file);
        }
      }

      List<SourceFile> files = new ArrayList<>(changed.values());
      try (TreeWalk tree = new TreeWalk(reader)) {
        tree.addTree(head.getTree());
        tree.setRecursive(true);
        while (tree.next()) {
          String path = tree.getPathString();
          if (!isFile(tree.getFileMode(0))) continue;
          Blob blob = blob(tree.getObjectId(0));
          if (blob.largeText) {
            skippedLargeText = true;
            tooLarge.add(path);
          }
          if (changed.containsKey(path)) continue;
          files.add(
              blob.text == null
                  ? new SourceFile(path, FileStatus.UNCHANGED, null, null, null, List.of(), true, null)
                  : SourceFile.unchanged(path, blob.text));
        }
      }
      return new ChangeSet(ChangeSet.Kind.RANGE, files, !skippedLargeText);
    }
  }

  /** The commit a ref names, or a message saying which ref is wrong and what was expected. */
  private ObjectId resolve(String ref, String option) throws IOException {
    String what = option + " " + ref;
    ObjectId id;
    try {
      id = repo.resolve(ref + "^{commit}");
    } catch (MissingObjectException e) {
      throw missing(what, e);
    } catch (AmbiguousObjectException e) {
      throw new GitSourceException(
          what + " is ambiguous: several objects start with '" + ref
              + "'; give more characters of the commit id", e);
    } catch (IncorrectObjectTypeException e) {
      throw new GitSourceException(what + " does not name a commit (it is a tree or blob)", e);
    } catch (RevisionSyntaxException e) {
      throw new GitSourceException(
          what + " is not a valid revision: expected a branch, tag or commit id", e);
    }
    if (id == null) {
      throw new GitSourceException(
          what + " names no commit in " + repoName()
              + ": expected a branch, tag or commit id (e.g. origin/main, HEAD~1); in a shallow"
              + " clone fetch it first (git fetch origin <branch>, or fetch-depth: 0 in"
              + " actions/checkout)");
    }
    try {
      reader.open(id, Constants.OBJ_COMMIT);
    } catch (MissingObjectException e) {
      throw missing(what, e);
    }
    return id;
  }

  private GitSourceException missing(String what, MissingObjectException e) {
    return new GitSourceException(
        what + " names a commit that is not in " + repoName()
            + " (a shallow clone?): fetch it first (git fetch origin <branch>, or fetch-depth: 0"
            + " in actions/checkout)",
        e);
  }

  private String repoName() {
    return repo.isBare() ? repo.getDirectory().toString() : repo.getWorkTree().toString();
  }

  /** The merge base of base and head, or base itself when there is none to be found. */
  private RevCommit mergeBase(RevCommit base, RevCommit head) {
    try (RevWalk walk = new RevWalk(reader)) {
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(walk.parseCommit(base));
      walk.markStart(walk.parseCommit(head));
      RevCommit found = walk.next();
      return found == null ? base : walk.parseCommit(found);
    } catch (IOException e) {
      // A shallow history can end before the merge base: compare with base directly.
      return base;
    }
  }

  private SourceFile changedFile(DiffFormatter diff, DiffEntry entry) throws IOException {
    boolean oldFile = isFile(entry.getOldMode());
    boolean newFile = isFile(entry.getNewMode());
    DiffEntry.ChangeType type = entry.getChangeType();
    if (type == DiffEntry.ChangeType.DELETE || (!newFile && oldFile)) {
      if (!oldFile) return null;
      Blob before = blob(entry.getOldId().toObjectId());
      return new SourceFile(
          entry.getOldPath(), FileStatus.DELETED, null, before.text, null, List.of(),
          before.text == null, before.text == null ? null : patch(entry));
    }
    if (!newFile) return null;
    Blob after = blob(entry.getNewId().toObjectId());
    if (type == DiffEntry.ChangeType.ADD || type == DiffEntry.ChangeType.COPY || !oldFile) {
      // A copy is a new file as far as the analysis goes: every line of it runs.
      return added(entry.getNewPath(), after, type == DiffEntry.ChangeType.ADD, entry);
    }
    Blob before = blob(entry.getOldId().toObjectId());
    boolean renamed = type == DiffEntry.ChangeType.RENAME;
    FileStatus status = renamed ? FileStatus.RENAMED : FileStatus.MODIFIED;
    String previous = renamed ? entry.getOldPath() : null;
    if (after.text == null || before.text == null) {
      return new SourceFile(
          entry.getNewPath(), status, after.text, before.text, previous,
          after.text == null ? List.of() : wholeFile(after.text), after.text == null, null);
    }
    return new SourceFile(
        entry.getNewPath(), status, after.text, before.text, previous,
        changedLines(diff, entry), false, patch(entry));
  }

  private SourceFile added(String path, Blob after, boolean gitPatch, DiffEntry entry)
      throws IOException {
    if (after.text == null) {
      return new SourceFile(path, FileStatus.ADDED, null, null, null, List.of(), true, null);
    }
    String patch = gitPatch ? patch(entry) : additionPatch(after.text);
    return new SourceFile(
        path, FileStatus.ADDED, after.text, null, null, wholeFile(after.text), false, patch);
  }

  private static List<LineRange> wholeFile(String text) {
    int lines = SourceFile.lineCount(text);
    return lines == 0 ? List.of() : List.of(new LineRange(1, lines));
  }

  /** Head line ranges of every edit that inserts or replaces lines, adjacent ranges merged. */
  private static List<LineRange> changedLines(DiffFormatter diff, DiffEntry entry)
      throws IOException {
    List<LineRange> ranges = new ArrayList<>();
    for (Edit edit : diff.toFileHeader(entry).toEditList()) {
      if (edit.getEndB() <= edit.getBeginB()) continue;
      int start = edit.getBeginB() + 1;
      int end = edit.getEndB();
      int last = ranges.size() - 1;
      if (last >= 0 && ranges.get(last).end() + 1 >= start) {
        ranges.set(last, new LineRange(ranges.get(last).start(), Math.max(end, ranges.get(last).end())));
      } else {
        ranges.add(new LineRange(start, end));
      }
    }
    return ranges;
  }

  /** The entry's unified diff from its first hunk header on ("" when it has no hunk). */
  private String patch(DiffEntry entry) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DiffFormatter one = new DiffFormatter(out)) {
      one.setReader(reader, repo.getConfig());
      one.setContext(PATCH_CONTEXT_LINES);
      one.setBinaryFileThreshold(maxFileBytes);
      one.format(entry);
      one.flush();
    }
    String text = TextDecoding.decode(out.toByteArray());
    int at = text.startsWith("@@") ? 0 : text.indexOf("\n@@");
    if (at < 0) return "";
    return at == 0 ? text : text.substring(at + 1);
  }

  /** A patch adding {@code text} whole, for a copy whose diff against its source is no use. */
  private static String additionPatch(String text) {
    int lines = SourceFile.lineCount(text);
    if (lines == 0) return "";
    StringBuilder out = new StringBuilder("@@ -0,0 +1");
    if (lines != 1) out.append(',').append(lines);
    out.append(" @@\n");
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl + 1;
      out.append('+').append(text, start, end);
      if (nl < 0) out.append("\n\\ No newline at end of file\n");
      start = end;
    }
    return out.toString();
  }

  private static boolean isFile(FileMode mode) {
    return (mode.getBits() & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
  }

  /**
   * A blob's decoded text, or {@code text == null} when it is binary or too large; {@code
   * largeText} when it was skipped for its size although its first bytes look like text.
   */
  private record Blob(String text, boolean largeText) {}

  private Blob blob(ObjectId id) throws IOException {
    Blob known = blobs.get(id);
    if (known != null) return known;
    ObjectLoader loader = reader.open(id, Constants.OBJ_BLOB);
    Blob blob;
    if (loader.getSize() > maxFileBytes) {
      blob = new Blob(null, !startsBinary(loader));
    } else {
      byte[] bytes = loader.getCachedBytes(maxFileBytes);
      blob = new Blob(TextDecoding.looksBinary(bytes) ? null : TextDecoding.decode(bytes), false);
    }
    blobs.put(id, blob);
    return blob;
  }

  private static boolean startsBinary(ObjectLoader loader) throws IOException {
    try (InputStream in = loader.openStream()) {
      return TextDecoding.looksBinary(in.readNBytes(TextDecoding.BINARY_PROBE_BYTES));
    }
  }
}
