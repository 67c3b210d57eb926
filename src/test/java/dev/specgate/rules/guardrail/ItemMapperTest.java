package dev.specgate.rules.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.engine.Config;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemMapperTest {

  private static GuardrailItem forbidden(String text, String... code) {
    return new GuardrailItem(GuardrailItem.Kind.FORBIDDEN, text, List.of(code), "spec.md", 1);
  }

  private static GuardrailItem allowed(String text, String... code) {
    return new GuardrailItem(GuardrailItem.Kind.ALLOWED, text, List.of(code), "spec.md", 1);
  }

  private static ForbiddenCheck map(String text, String... code) {
    ItemMapper.Mapping m = ItemMapper.forbidden(forbidden(text, code), Set.of("accounts"));
    assertThat(m.check()).as("%s: %s", text, m.unmappedReason()).isNotNull();
    return m.check();
  }

  @Test
  void verbFamilies() {
    assertThat(map("remove closed_at").verb()).isEqualTo(Verb.REMOVE);
    assertThat(map("drop `accounts`", "accounts").verb()).isEqualTo(Verb.REMOVE);
    assertThat(map("delete billing_pause_until").verb()).isEqualTo(Verb.REMOVE);
    assertThat(map("rename closed_at").verb()).isEqualTo(Verb.RENAME);
    assertThat(map("modify reporting schema").verb()).isEqualTo(Verb.CHANGE);
    assertThat(map("clean up the account model").verb()).isEqualTo(Verb.REWRITE);
    assertThat(map("redesign billing status").verb()).isEqualTo(Verb.REWRITE);
    assertThat(map("introduce admin status editor").verb()).isEqualTo(Verb.ADD);
    assertThat(map("No billing state redesign").verb()).isEqualTo(Verb.REWRITE);
  }

  @Test
  void objects() {
    ItemObject closed = map("remove closed_at").object();
    assertThat(closed.identifiers()).extracting(ItemObject.Identifier::words)
        .containsExactly(List.of("closed", "at"));
    assertThat(map("drop accounts table").object().identifiers())
        .extracting(ItemObject.Identifier::written).containsExactly("accounts");
    ItemObject glob = map("change `src/reporting/**`", "src/reporting/**").object();
    assertThat(glob.globs()).hasSize(1);
    assertThat(glob.globs().get(0).matches("src/reporting/x/Export.java")).isTrue();
    ItemObject schema = map("change reporting schema").object();
    assertThat(schema.kind()).isEqualTo(ItemObject.Kind.SCHEMA);
    assertThat(schema.nouns()).containsExactly("report");
    ItemObject model = map("rewrite account model unrelated to status reads").object();
    assertThat(model.kind()).isEqualTo(ItemObject.Kind.MODEL);
    assertThat(model.nouns()).containsExactly("account");
    assertThat(model.exclusions()).containsExactly("status");
    ItemObject editor = map("add admin status editor").object();
    assertThat(editor.nouns()).containsExactly("admin", "status", "editor");
    assertThat(editor.pathNamesNouns("web/admin/StatusPage.tsx")).isTrue();
    assertThat(editor.pathNamesNouns("src/AdminEditor.java")).isTrue();
    assertThat(editor.pathNamesNouns("src/StatusEditor.java")).isFalse();
    assertThat(editor.tokenNamesCompound("AdminStatusEditorPage")).isTrue();
    assertThat(editor.tokenNamesCompound("AdminEditor")).isFalse();
  }

  @Test
  void aKnownColumnAmongOtherNounsStaysANoun() {
    ItemMapper.Mapping m = ItemMapper.forbidden(forbidden("redesign billing status"), Set.of("status"));
    assertThat(m.check().object().identifiers()).isEmpty();
    assertThat(m.check().object().nouns()).containsExactly("bill", "status");
  }

  @Test
  void unmappableItemsSayWhy() {
    ItemMapper.Mapping noVerb = ItemMapper.forbidden(forbidden("be clever with locks"), Set.of());
    assertThat(noVerb.check()).isNull();
    assertThat(noVerb.unmappedReason()).contains("no verb");
    ItemMapper.Mapping noObject = ItemMapper.forbidden(forbidden("change anything"), Set.of());
    assertThat(noObject.check()).isNull();
    assertThat(noObject.unmappedReason()).contains("names nothing");
  }

  @Test
  void allowedItemsMapToCategoriesOrPaths() {
    Config config = Config.defaults();
    var defaults = dev.specgate.engine.Analysis.settingsOf(config);
    assertThat(AllowedScope.of(allowed("anything"), defaults)).isNull();
    assertThat(AllowedScope.of(allowed("batched backfill script"), defaults).describe()).isEqualTo("backfill");
    assertThat(AllowedScope.of(allowed("documentation for rollback boundary"), defaults).describe())
        .isEqualTo("docs");
    assertThat(AllowedScope.of(allowed("changes to `src/status/**`", "src/status/**"), defaults))
        .isNotNull();
    Config custom = config.withGuardrailCategories(Map.of("api-client", List.of("clients/**")));
    assertThat(AllowedScope.of(allowed("API client regeneration"), dev.specgate.engine.Analysis.settingsOf(custom)).describe()).isEqualTo("api-client");
  }
}
