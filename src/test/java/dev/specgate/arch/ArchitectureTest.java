package dev.specgate.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies (DESIGN section 1): the engine, the models and the rules are pure;
 * only the edges (cli, git, github, server, dryrun) talk to git, HTTP or GitHub.
 */
class ArchitectureTest {
  private static final String[] PURE = {
    "dev.specgate.core..", "dev.specgate.engine..", "dev.specgate.sql..", "dev.specgate.packet..",
    "dev.specgate.diff..", "dev.specgate.rules..", "dev.specgate.report.."
  };
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(location -> !location.contains("/test-classes/"))
        .importPackages("dev.specgate");
  }

  @Test
  void pureLayersUseNoJavalinJGitOrGitHubClient() {
    noClasses().that().resideInAnyPackage(PURE)
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.javalin..", "org.eclipse.jgit..", "org.kohsuke.github..", "java.net.http..",
            "dev.specgate.git..", "dev.specgate.github..", "dev.specgate.server..", "dev.specgate.cli..",
            "dev.specgate.dryrun..")
        .check(classes);
  }

  @Test
  void onlyTheGithubPackageTalksToGitHub() {
    noClasses().that().resideOutsideOfPackage("dev.specgate.github..")
        .should().dependOnClassesThat().resideInAPackage("org.kohsuke.github..")
        .check(classes);
  }

  @Test
  void rulesNeverSeeJSqlParser() {
    noClasses().that().resideInAnyPackage("dev.specgate.rules..", "dev.specgate.engine..", "dev.specgate.report..")
        .should().dependOnClassesThat().resideInAPackage("net.sf.jsqlparser..")
        .check(classes);
  }

  @Test
  void coreDependsOnTheJdkOnly() {
    noClasses().that().resideInAPackage("dev.specgate.core..")
        .should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.specgate.core..")
        .check(classes);
  }

  @Test
  void pureLayersDoNoFileIo() {
    noClasses().that().resideInAnyPackage("dev.specgate.core..", "dev.specgate.engine..", "dev.specgate.sql..",
            "dev.specgate.packet..", "dev.specgate.diff..", "dev.specgate.rules..")
        .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileReader")
        .check(classes);
  }
}
