package dev.specgate.hostile;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regexes that read the author's text live in static {@link Pattern} fields, where
 * {@link RegexGrowthTest} finds and tests them: no {@code String.replaceAll/replaceFirst/matches},
 * no {@code Pattern.compile} or {@code Pattern.matches} outside a static initialiser, in the
 * analysis packages. ({@code String.split} is left alone: the splits in use are single characters
 * or one character class with {@code +}, linear by construction.)
 *
 * <p>Not covered yet, owned by other branches: {@code packet} and {@code rules.packet} (the packet
 * reader rewrite), the report renderers, {@code github}, {@code server} and {@code cli}.
 */
class RegexUseTest {
  private static final String[] ANALYSIS = {
    "dev.specgate.core..", "dev.specgate.engine..", "dev.specgate.sql..", "dev.specgate.diff..",
    "dev.specgate.rules.sql..", "dev.specgate.rules.guardrail.."
  };
  /** Globs from the configuration compile to a regex each; Glob.toRegex only emits linear forms. */
  private static final Set<String> DYNAMIC_ALLOWED = Set.of("dev.specgate.core.Glob");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("/test-classes/"))
        .importPackages("dev.specgate");
  }

  @Test
  void analysisCodeKeepsItsRegexesInStaticFields() {
    DescribedPredicate<JavaMethodCall> inlineRegex = new DescribedPredicate<>(
        "a regex compiled outside a static initialiser (String.replaceAll/replaceFirst/matches,"
            + " Pattern.compile/matches)") {
      @Override
      public boolean test(JavaMethodCall call) {
        String owner = call.getTargetOwner().getName();
        String name = call.getName();
        boolean stringRegex = owner.equals(String.class.getName())
            && (name.equals("replaceAll") || name.equals("replaceFirst") || name.equals("matches"));
        boolean patternCompile = owner.equals(Pattern.class.getName())
            && (name.equals("compile") || name.equals("matches"));
        if (stringRegex) return true;
        return patternCompile && !call.getOrigin().getName().equals("<clinit>")
            && !DYNAMIC_ALLOWED.contains(call.getOriginOwner().getName());
      }
    };
    noClasses().that().resideInAnyPackage(ANALYSIS)
        .or().haveFullyQualifiedName("dev.specgate.report.FindingFingerprints")
        .should().callMethodWhere(inlineRegex)
        .check(classes);
  }
}
