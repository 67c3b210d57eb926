package dev.specgate.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.specgate.core.MarkdownNesting;
import dev.specgate.core.SourceFile;
import dev.specgate.diff.DiffParseException;
import dev.specgate.diff.DiffParser;
import dev.specgate.diff.DiffSources;
import dev.specgate.diff.UnifiedDiff;
import dev.specgate.engine.ConfigException;
import dev.specgate.engine.ConfigLoader;
import dev.specgate.packet.Packet;
import dev.specgate.sql.Dialect;
import dev.specgate.sql.Migration;
import dev.specgate.sql.MigrationParser;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzz targets for every reader of the author's text (issue 9). In a normal build
 * each replays its inputs under src/test/resources/dev/specgate/fuzz/ParserFuzzTestInputs/METHOD/;
 * {@code src/bench/fuzz.sh} fuzzes for real. A target fails on any exception other than the
 * reader's own "bad input" exception, and on any Error (a stack overflow is a finding).
 */
class ParserFuzzTest {
  /** The statement splitter, the lexer, the recognisers and JSqlParser, in both dialects. */
  @FuzzTest(maxDuration = "5m")
  void sql(byte[] bytes) {
    String text = FuzzInput.text(bytes);
    for (Dialect d : Dialect.values()) {
      Migration m = MigrationParser.parse("V1__fuzz.sql", text, d);
      assertThat(m).isNotNull();
    }
  }

  /** A packet's Markdown read as spec, tasks and acceptance criteria, and its derived facts. */
  @FuzzTest(maxDuration = "5m")
  void packet(byte[] bytes) {
    // as the engine hands them over: Workspace bounds Markdown nesting before the packet reader
    List<String> parts = FuzzInput.parts(bytes, 3).stream().map(MarkdownNesting::bounded).toList();
    Packet p = Packet.of("pkt", Map.of(
        "spec.md", SourceFile.added("pkt/spec.md", parts.get(0)),
        "tasks.md", SourceFile.added("pkt/tasks.md", parts.get(1)),
        "acceptance-criteria.md", SourceFile.added("pkt/acceptance-criteria.md", parts.get(2))));
    p.phases();
    p.rowCounts();
    p.compatibilityWindow();
    p.namedTables();
  }

  /** Unified diffs; a malformed one is a DiffParseException naming its line. */
  @FuzzTest(maxDuration = "5m")
  void diff(byte[] bytes) {
    UnifiedDiff diff;
    try {
      diff = DiffParser.parse(FuzzInput.text(bytes));
    } catch (DiffParseException e) {
      assertThat(e.getMessage()).contains("line");
      return;
    }
    for (SourceFile f : DiffSources.toSourceFiles(diff)) assertThat(f.path()).isNotBlank();
  }

  /** .specgate.yml; a bad one is a ConfigException. */
  @FuzzTest(maxDuration = "5m")
  void config(byte[] bytes) {
    try {
      assertThat(ConfigLoader.parse(FuzzInput.text(bytes), ".specgate.yml")).isNotNull();
    } catch (ConfigException expected) {
      // the loader's own message for bad input
    }
  }
}
