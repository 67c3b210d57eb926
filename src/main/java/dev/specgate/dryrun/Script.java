package dev.specgate.dryrun;

import dev.specgate.sql.Statement;
import java.util.List;

/**
 * SQL to run as its migration tool would: the statements of one file (or one rollback block) in
 * order, inside one transaction when the tool opens one.
 *
 * @param source what it is, for reports ("db/migrations/V2__x.sql", "… (goose Down)")
 * @param file the file its lines belong to
 * @param lineOffset added to each statement's line (a rollback block inside a larger document)
 * @param phase the plan phase a rollback block belongs to, else null
 */
record Script(String source, String file, int lineOffset, List<Statement> statements, boolean toolTransaction,
    String phase) {
  Script {
    statements = List.copyOf(statements);
  }

  int firstLine() {
    return statements.isEmpty() ? 1 + lineOffset : statements.get(0).line() + lineOffset;
  }
}
