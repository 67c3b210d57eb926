package dev.specgate.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/rules is generated; this fails when it is stale. To regenerate:
 * {@code ./mvnw -q test -Dtest=RuleDocsTest -Dspecgate.writeDocs=true}.
 */
class RuleDocsTest {
  @Test
  void generatedRuleDocsAreUpToDate() throws IOException {
    Map<Path, String> generated = RuleDocsGenerator.generate();
    if (Boolean.getBoolean("specgate.writeDocs")) RuleDocsGenerator.main(new String[0]);
    for (Map.Entry<Path, String> e : generated.entrySet()) {
      assertThat(e.getKey()).as("generated page %s exists (regenerate: -Dspecgate.writeDocs=true)", e.getKey())
          .isRegularFile();
      assertThat(Files.readString(e.getKey(), StandardCharsets.UTF_8))
          .as("%s is stale; regenerate with ./mvnw -q test -Dtest=RuleDocsTest -Dspecgate.writeDocs=true", e.getKey())
          .isEqualTo(e.getValue());
    }
    List<Path> onDisk;
    try (Stream<Path> list = Files.list(RuleDocsGenerator.DOCS)) {
      onDisk = list.toList();
    }
    assertThat(onDisk).as("pages in docs/rules that no rule generates").allMatch(generated::containsKey);
  }
}
