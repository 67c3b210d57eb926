package dev.specgate.cli;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.FileStatus;
import dev.specgate.core.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads files from disk into a ChangeSet where every file counts as added (DESIGN: `check PATH`).
 * A directory contributes every text file below it (build and VCS folders skipped) so packets,
 * migrations and the code searched for references are all present.
 */
final class PathSource {
  /** Larger files are not read: no migration or packet is this big, and code search can do without. */
  static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
  private static final Set<String> SKIPPED_DIRS =
      Set.of(".git", ".hg", ".svn", "target", "node_modules", ".idea", ".gradle", "build", ".venv", "__pycache__");

  private final long maxFileBytes;
  private final List<String> notAnalysed = new ArrayList<>();

  /** A reader that skips (and names) regular files over {@code maxFileBytes}. */
  PathSource(long maxFileBytes) {
    this.maxFileBytes = maxFileBytes;
  }

  /** What was found but not read, one line each, naming the file and why (for stderr). */
  List<String> notAnalysed() {
    return List.copyOf(notAnalysed);
  }

  /** Every file below {@code root}, with paths relative to it. */
  ChangeSet directory(Path root) {
    List<SourceFile> files = new ArrayList<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (!dir.equals(root) && SKIPPED_DIRS.contains(dir.getFileName().toString())) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile()) {
            files.add(read(file, relative(root, file), attrs.size()));
          } else if (attrs.isOther()) {
            notAnalysed.add(file + ": not a regular file (a device, FIFO or socket); not analysed");
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UserError("cannot read " + root + ": " + e.getMessage());
    }
    files.sort(java.util.Comparator.comparing(SourceFile::path));
    return ChangeSet.ofPaths(files);
  }

  /** Named files (and directories), paths relative to {@code base}. */
  List<SourceFile> files(Path base, List<Path> paths) {
    List<SourceFile> out = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) throw new UserError("no such file or directory: " + p);
      if (Files.isDirectory(p)) {
        for (SourceFile f : directory(p).files()) {
          out.add(withPath(f, relative(base, p.resolve(f.path()))));
        }
      } else {
        // A device (/dev/zero) never ends and a FIFO blocks until someone writes: refused by name.
        if (!Files.isRegularFile(p)) {
          throw new UserError(p + " is not a regular file (a device, FIFO or socket); specgate reads"
              + " regular files and directories only");
        }
        try {
          out.add(read(p, relative(base, p), Files.size(p)));
        } catch (IOException e) {
          throw new UserError("cannot read " + p + ": " + e.getMessage());
        }
      }
    }
    return out;
  }

  static String relative(Path base, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path b = base.toAbsolutePath().normalize();
    Path rel = abs.startsWith(b) ? b.relativize(abs) : abs;
    String s = rel.toString().replace('\\', '/');
    return s.isEmpty() ? file.getFileName().toString() : s;
  }

  private static SourceFile withPath(SourceFile f, String path) {
    return new SourceFile(path, f.status(), f.content(), f.baseContent(), f.previousPath(),
        f.changedLines(), f.binary(), f.patch());
  }

  private SourceFile read(Path file, String path, long size) {
    if (size > maxFileBytes) return tooLarge(file, path);
    byte[] bytes;
    // never more than the cap, even from a file that grows or reports no size (/proc)
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
    } catch (IOException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage());
    }
    if (bytes.length > maxFileBytes) return tooLarge(file, path);
    if (looksBinary(bytes)) {
      return new SourceFile(path, FileStatus.ADDED, null, null, null, List.of(), true, null);
    }
    return SourceFile.added(path, decode(bytes));
  }

  private SourceFile tooLarge(Path file, String path) {
    notAnalysed.add(file + ": larger than " + maxFileBytes + " bytes (--max-file-bytes); not analysed");
    return new SourceFile(path, FileStatus.ADDED, null, null, null, List.of(), true, null);
  }

  /** UTF-8, falling back to Latin-1 for legacy files, so no input is rejected for its encoding. */
  static String decode(byte[] bytes) {
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
    ByteBuffer buf = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(buf).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
    }
  }

  private static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8000);
    for (int i = 0; i < n; i++) if (bytes[i] == 0) return true;
    return false;
  }

}
