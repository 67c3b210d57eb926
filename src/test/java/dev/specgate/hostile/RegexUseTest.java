package dev.specgate.hostile;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regexes that read the author's text live in static {@link Pattern} fields, where
 * {@link RegexGrowthTest} finds and tests them: no {@code String.replaceAll/replaceFirst/matches},
 * no {@code Pattern.compile} or {@code Pattern.matches} outside a static initialiser, and
 * {@code String.split} only on a single literal character (Java splits those without a regex) in
 * the packages that read input: the models and parsers, the packet reader, the dry run, every
 * rule family and the report renderers (they print the author's SQL and Markdown), and the
 * packages that take input from outside: the CLI, git, GitHub and the service (webhook payloads).
 */
class RegexUseTest {
  private static final String[] INPUT_READERS = {
    "dev.specgate.core..", "dev.specgate.engine..", "dev.specgate.sql..", "dev.specgate.diff..",
    "dev.specgate.packet..", "dev.specgate.dryrun..", "dev.specgate.rules..", "dev.specgate.report..",
    "dev.specgate.cli..", "dev.specgate.github..", "dev.specgate.server..", "dev.specgate.git.."
  };
  /** The product's sources, read to see what a String.split call splits on. */
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern SPLIT_ARGUMENT = Pattern.compile("\\.split\\(\\s*+\"((?:[^\"\\\\]|\\\\.)*+)\"");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("/test-classes/"))
        .importPackages("dev.specgate");
  }

  @Test
  void inputReadersKeepTheirRegexesInStaticFields() {
    DescribedPredicate<JavaMethodCall> inlineRegex = new DescribedPredicate<>(
        "a regex compiled outside a static initialiser (String.replaceAll/replaceFirst/matches,"
            + " Pattern.compile/matches, String.split on more than one literal character)") {
      @Override
      public boolean test(JavaMethodCall call) {
        String owner = call.getTargetOwner().getName();
        String name = call.getName();
        if (owner.equals(String.class.getName())) {
          if (name.equals("replaceAll") || name.equals("replaceFirst") || name.equals("matches")) return true;
          return name.equals("split") && !splitsOnOneCharacter(call);
        }
        boolean patternCompile = owner.equals(Pattern.class.getName())
            && (name.equals("compile") || name.equals("matches"));
        return patternCompile && !call.getOrigin().getName().equals("<clinit>");
      }
    };
    noClasses().that().resideInAnyPackage(INPUT_READERS)
        .should().callMethodWhere(inlineRegex)
        .check(classes);
  }

  @Test
  void readsTheSplitArgumentFromTheSource() {
    assertThat(fastPath(",")).isTrue();
    assertThat(fastPath("\\n")).isTrue(); // "\n" in the source: one character
    assertThat(fastPath("\\\\.")).isTrue(); // "\\." in the source: an escaped dot
    assertThat(fastPath(".")).isFalse();
    assertThat(fastPath("|")).isFalse();
    assertThat(fastPath("\\\\s+")).isFalse();
    assertThat(fastPath("\\r?\\n")).isFalse();
  }

  /**
   * True when every {@code .split("…")} on the call's source line splits on what
   * {@code String.split} handles without a regex: one character that is not a regex
   * metacharacter, or a backslash and one that is not a letter or digit.
   */
  private static boolean splitsOnOneCharacter(JavaMethodCall call) {
    String pkg = call.getOriginOwner().getPackageName().replace('.', '/');
    String file = call.getSourceCodeLocation().getSourceFileName();
    int lineNumber = call.getSourceCodeLocation().getLineNumber();
    List<String> lines;
    try {
      lines = Files.readAllLines(SOURCES.resolve(pkg).resolve(file));
    } catch (IOException e) {
      return false;
    }
    if (lineNumber < 1 || lineNumber > lines.size()) return false;
    Matcher m = SPLIT_ARGUMENT.matcher(lines.get(lineNumber - 1));
    List<String> args = new ArrayList<>();
    while (m.find()) args.add(m.group(1));
    return !args.isEmpty() && args.stream().allMatch(RegexUseTest::fastPath);
  }

  /** {@code literal} as written between the quotes in Java source. */
  private static boolean fastPath(String literal) {
    String value = unescapeJava(literal);
    if (value.length() == 1) return ".$|()[{^?*+\\".indexOf(value.charAt(0)) < 0;
    return value.length() == 2 && value.charAt(0) == '\\' && !Character.isLetterOrDigit(value.charAt(1))
        && value.charAt(1) < 128;
  }

  private static String unescapeJava(String literal) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c != '\\' || i + 1 == literal.length()) {
        out.append(c);
        continue;
      }
      char n = literal.charAt(++i);
      out.append(switch (n) {
        case 'n' -> '\n';
        case 'r' -> '\r';
        case 't' -> '\t';
        default -> n;
      });
    }
    return out.toString();
  }
}
