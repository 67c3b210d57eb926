package dev.specgate.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

  /**
   * Named by what they may use, not by what they may not: a new edge package (dryrun, …) is kept
   * out of the pure layers without being named here.
   */
  @Test
  void pureLayersUseOnlyPureLayersTheJdkAndTheirParsers() {
    String[] allowed = new String[PURE.length + 5];
    System.arraycopy(PURE, 0, allowed, 0, PURE.length);
    allowed[PURE.length] = "java..";
    allowed[PURE.length + 1] = "net.sf.jsqlparser..";
    allowed[PURE.length + 2] = "org.commonmark..";
    allowed[PURE.length + 3] = "com.fasterxml.jackson..";
    allowed[PURE.length + 4] = "";
    classes().that().resideInAnyPackage(PURE)
        .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
        .check(classes);
    noClasses().that().resideInAnyPackage(PURE)
        .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.net.http..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName(java.net.Socket.class.getName())
        .orShould().dependOnClassesThat().haveFullyQualifiedName(java.net.URLConnection.class.getName())
        .check(classes);
  }

  /** Every package this test names has classes (a rule about a package that is gone checks nothing). */
  @Test
  void everyPackageNamedHereExists() {
    for (String p : new String[] {"dev.specgate.core", "dev.specgate.engine", "dev.specgate.sql",
        "dev.specgate.packet", "dev.specgate.diff", "dev.specgate.rules", "dev.specgate.report",
        "dev.specgate.github", "dev.specgate.server", "dev.specgate.cli", "dev.specgate.dryrun"}) {
      assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(p))).as(p).isTrue();
    }
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

  /**
   * No cycles between packages: each top-level package with its subpackages is a slice (a rule
   * family belongs with the registry that lists it). The engine runs the rules; the rules read the
   * models (sql, packet, diff, core) and their settings (rules.RuleSettings), never the engine.
   */
  @Test
  void packagesHaveNoCycles() {
    slices().matching("dev.specgate.(*)..").should().beFreeOfCycles().check(classes);
  }

  /**
   * Only the github package speaks to GitHub: the GitHub client library and the JDK's HTTP client
   * are used nowhere else; the service's own HTTP server (Javalin) is the server package's.
   */
  @Test
  void onlyGithubTalksToGitHub() {
    noClasses().that().resideOutsideOfPackage("dev.specgate.github..")
        .should().dependOnClassesThat().resideInAnyPackage("org.kohsuke.github..")
        .check(classes);
    // java.net.http: GitHub's transport; dryrun fetches PostgreSQL binaries from Maven Central with it
    noClasses().that().resideOutsideOfPackages("dev.specgate.github..", "dev.specgate.dryrun..")
        .should().dependOnClassesThat().resideInAnyPackage("java.net.http..")
        .check(classes);
  }

  /**
   * Only the edges that own a lifecycle start threads: the service (workers), the CLI, and the dry
   * run (it owns an embedded PostgreSQL process and watches a statement's time on its own thread).
   */
  @Test
  void onlyServerCliAndDryRunStartThreads() {
    // Rules run on a parallel stream in engine.Analysis: the common fork-join pool, not a thread of
    // ours; every rule is stateless and a rule's failure is caught per rule.
    noClasses().that().resideOutsideOfPackages("dev.specgate.server..", "dev.specgate.cli..", "dev.specgate.dryrun..")
        .should().callConstructor(Thread.class)
        .orShould().callConstructor(Thread.class, Runnable.class)
        .orShould().callConstructor(Thread.class, Runnable.class, String.class)
        .orShould().callConstructor(Thread.class, String.class)
        .orShould().callConstructor(Thread.class, ThreadGroup.class, Runnable.class, String.class, long.class)
        .orShould().dependOnClassesThat().haveFullyQualifiedName(java.util.concurrent.Executors.class.getName())
        .orShould().dependOnClassesThat().haveFullyQualifiedName(java.util.concurrent.ThreadPoolExecutor.class.getName())
        .orShould().dependOnClassesThat().haveFullyQualifiedName(java.util.concurrent.ScheduledThreadPoolExecutor.class.getName())
        .orShould().dependOnClassesThat().haveFullyQualifiedName(java.util.concurrent.ForkJoinPool.class.getName())
        .orShould().callMethod(Thread.class, "startVirtualThread", Runnable.class)
        .check(classes);
  }

  /** A subclass of Thread is a thread started some other way. */
  @Test
  void noThreadSubclassesOutsideServerCliAndDryRun() {
    noClasses().that().resideOutsideOfPackages("dev.specgate.server..", "dev.specgate.cli..", "dev.specgate.dryrun..")
        .should().beAssignableTo(Thread.class)
        .check(classes);
  }
}
