package dev.specgate.rules.sql;

import dev.specgate.rules.Rule;
import java.util.List;

/** The rules of the sql family, in catalogue order. Add each new rule class here. */
public final class SqlRules {
  private SqlRules() {}

  public static List<Rule> all() {
    return List.of(
        new NullableFirst(),
        new VolatileDefaultRewrite(),
        new IndexNotConcurrent(),
        new ConcurrentlyInTransaction(),
        new ConstraintNotValid(),
        new ValidateSameTransaction(),
        new SetNotNullScan(),
        new UniqueWithoutIndex(),
        new ColumnTypeChange(),
        new RenameBreaksOldCode(),
        new DestructiveDrop(),
        new UnbatchedBackfill(),
        new DdlAndDmlMixed(),
        new MissingLockTimeout(),
        new TableLockMaintenance(),
        new UnparsedStatement(),
        new LockHeldAcrossStatements(),
        new ExclusionConstraint(),
        new JsonColumn(),
        new DetachPartitionNotConcurrent(),
        new DomainConstraint(),
        new TruncateCascade(),
        new DropDatabase(),
        new DuplicateColumnAssignment(),
        new UnbalancedTransaction(),
        new Pg14ConcurrentIndexCorruption(),
        new IdentifierTooLong(),
        new ForeignKeyWithoutIndex(),
        new AlterTableCombinable(),
        new ColumnDefaultChange(),
        new DropNotNull(),
        new IndexTooManyColumns(),
        new DiscouragedColumnType(),
        new StatementNotRerunnable(),
        new EnumValueOrdering(),
        new EnumValueInTransaction(),
        new MissingStatementTimeout(),
        new MysqlTableCopy(),
        new MysqlTableRebuild());
  }
}
