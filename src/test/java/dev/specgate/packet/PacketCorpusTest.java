package dev.specgate.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.Finding;
import dev.specgate.core.Severity;
import dev.specgate.engine.Analysis;
import dev.specgate.engine.Report;
import dev.specgate.rules.Fixture;
import dev.specgate.rules.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The packet corpus ({@code src/test/resources/packets/}): plans written in the styles real teams
 * use, each good one beside flawed variants. Every rule runs on every packet with its migrations.
 * A {@code good-*} packet gets no error and no warning; any other packet gets exactly the
 * findings (error or warning) its {@code expect:} markers plant. Notices are not judged here.
 */
class PacketCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/packets");

  @TestFactory
  Stream<DynamicTest> everyPacketGetsExactlyItsPlantedFindings() throws IOException {
    return packets().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
        () -> check(p)));
  }

  @Test
  void theCorpusHasThirtyPacketsInSixStyles() throws IOException {
    List<Path> all = packets();
    assertThat(all).hasSizeGreaterThanOrEqualTo(30);
    long styles = all.stream().map(p -> style(p.getFileName().toString())).distinct().count();
    assertThat(styles).isGreaterThanOrEqualTo(6);
  }

  /** "good-s004-plan", "bad-s004-plan-no-parity" → "s004-plan": the style is the middle part. */
  static String style(String name) {
    String rest = name.substring(name.indexOf('-') + 1);
    int cut = rest.indexOf("--");
    return cut < 0 ? rest : rest.substring(0, cut);
  }

  static List<Path> packets() throws IOException {
    try (Stream<Path> list = Files.list(CORPUS)) {
      return list.filter(Files::isDirectory).sorted().toList();
    }
  }

  private static void check(Path folder) throws Exception {
    Fixture fixture = Fixture.load(folder);
    Report report = Analysis.run(fixture.changes(), fixture.config(), RuleRegistry.all());
    List<Fixture.Expected> actual = report.findings().stream()
        .filter(f -> f.severity().compareTo(Severity.NOTICE) != 0)
        .map(f -> new Fixture.Expected(f.rule(), f.file(), f.line()))
        .toList();
    assertThat(actual)
        .as("%s: findings (error, warning) vs the expect: markers; all findings:%n%s", folder,
            describe(report.findings()))
        .containsExactlyInAnyOrderElementsOf(fixture.expected());
    boolean good = folder.getFileName().toString().startsWith("good");
    if (good) {
      assertThat(fixture.expected()).as("%s: a good packet plants nothing", folder).isEmpty();
    } else {
      assertThat(fixture.expected()).as("%s: a flawed packet plants a finding", folder).isNotEmpty();
    }
  }

  private static String describe(List<Finding> findings) {
    StringBuilder b = new StringBuilder();
    for (Finding f : findings) {
      b.append("  ").append(f.severity()).append(' ').append(f.file()).append(':')
          .append(f.line()).append(' ').append(f.rule()).append(": ").append(f.message())
          .append('\n');
    }
    return b.length() == 0 ? "  (none)" : b.toString();
  }
}
