package dev.specgate.dryrun;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** ChangeSets for dry-run tests: a history already applied (base) and the files a change adds. */
final class Changes {
  private final List<SourceFile> files = new ArrayList<>();

  static Changes of() {
    return new Changes();
  }

  /** A file present before the change and untouched by it. */
  Changes base(String path, String text) {
    files.add(SourceFile.unchanged(path, text));
    return this;
  }

  /** A file the change adds. */
  Changes add(String path, String text) {
    files.add(SourceFile.added(path, text));
    return this;
  }

  ChangeSet range() {
    return new ChangeSet(ChangeSet.Kind.RANGE, files, true);
  }

  /** Every file of a folder of this repository, as `check PATH` reads it (all added). */
  static ChangeSet folder(String root) {
    Path dir = Path.of(root);
    List<SourceFile> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        out.add(SourceFile.added(dir.relativize(p).toString().replace('\\', '/'),
            Files.readString(p, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ChangeSet.ofPaths(out);
  }
}
