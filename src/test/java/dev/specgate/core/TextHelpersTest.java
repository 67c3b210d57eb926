package dev.specgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shared text helpers: whole identifiers, whitespace runs, lines. */
class TextHelpersTest {
  @Test
  void anIdentifierCountsOnlyWhenNothingOfAnIdentifierTouchesIt() {
    assertThat(Identifiers.contains("drop users.email now", "email")).isTrue();
    assertThat(Identifiers.contains("`email`", "email")).isTrue();
    assertThat(Identifiers.contains("email_address", "email")).isFalse();
    assertThat(Identifiers.contains("old_email", "email")).isFalse();
    assertThat(Identifiers.contains("emails email2 email", "email")).isTrue();
    assertThat(Identifiers.contains("anything", "")).isFalse();
    assertThat(Identifiers.contains("EMAIL", "email")).isFalse();
    assertThat(Identifiers.indexOf("No change to the Invoices table", "invoices", 0, true)).isEqualTo(17);
    assertThat(Identifiers.indexOf("invoices_x, invoices", "invoices", 1, false)).isEqualTo(12);
  }

  @Test
  void whitespaceRunsCollapseRemoveAndSplit() {
    assertThat(Spaces.collapse(" a \t\n b  ")).isEqualTo(" a b ");
    assertThat(Spaces.remove("varchar ( 20 )")).isEqualTo("varchar(20)");
    assertThat(Spaces.split(" a  b")).containsExactly("", "a", "b");
    assertThat(Spaces.split("alter table t add x", 3)).containsExactly("alter", "table", "t add x");
    assertThat(Spaces.betweenCamelWords("AccessExclusiveLock")).isEqualTo("Access Exclusive Lock");
    assertThat(Spaces.betweenCamelWords("rowCount")).isEqualTo("row Count");
  }

  @Test
  void linesSplitOnLfAndCrlfKeepingTrailingEmptyLines() {
    assertThat(Lines.of("a\r\nb\nc\n")).containsExactly("a", "b", "c", "");
    assertThat(Lines.of("")).containsExactly("");
  }
}
