using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace AgentGuard.Data;

/// <summary>
/// Reads T-SQL with Microsoft's own parser (ScriptDom): a text that does not parse is opaque; dynamic SQL
/// (<c>EXEC(@sql)</c>, <c>sp_executesql</c>) and procedure calls are opaque; <c>xp_cmdshell</c>, <c>OPENROWSET</c>,
/// <c>BULK INSERT</c>, backups and linked servers are flagged.
/// </summary>
internal sealed class TSqlReader : TSqlFragmentVisitor
{
    private readonly string _text;
    private readonly SqlAnalysisBuilder _b;
    private readonly HashSet<TSqlFragment> _targets = [];
    private readonly HashSet<TSqlFragment> _written = [];
    private readonly List<string> _cteNames = [];

    private TSqlReader(string text, SqlAnalysisBuilder builder)
    {
        _text = text;
        _b = builder;
    }

    public static void Read(string text, SqlAnalysisBuilder builder, int maxStatements)
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(text);
        var fragment = parser.Parse(reader, out var errors);
        if (errors.Count > 0)
        {
            builder.Opaque($"T-SQL that does not parse (line {errors[0].Line}: {errors[0].Message})");
            return;
        }

        if (fragment is TSqlScript script)
        {
            foreach (var batch in script.Batches)
            {
                builder.Statements += batch.Statements.Count;
            }
        }

        if (builder.Statements > maxStatements)
        {
            builder.Opaque($"more than {maxStatements} statements");
            return;
        }

        fragment.Accept(new TSqlReader(text, builder));
    }

    public override void Visit(TSqlStatement node)
    {
        switch (node)
        {
            case SelectStatement select:
                _b.Kind(SqlStatementKind.Read);
                if (select.Into is { } into)
                {
                    _b.Kind(SqlStatementKind.Ddl);
                    _b.TableWritten(Name(into));
                }

                break;
            case InsertStatement:
                _b.Kind(SqlStatementKind.Insert);
                break;
            case UpdateStatement:
                _b.Kind(SqlStatementKind.Update);
                break;
            case DeleteStatement:
                _b.Kind(SqlStatementKind.Delete);
                break;
            case MergeStatement:
                _b.Kind(SqlStatementKind.Update);
                break;
            case TruncateTableStatement truncate:
                _b.Kind(SqlStatementKind.Ddl);
                _b.MassChange();
                _b.TableWritten(Name(truncate.TableName));
                break;
            case DropTableStatement drop:
                _b.Kind(SqlStatementKind.Ddl);
                _b.Tag(DataTags.Destructive);
                foreach (var table in drop.Objects)
                {
                    _b.TableWritten(Name(table));
                }

                break;
            case DropSchemaStatement dropSchema:
                _b.Kind(SqlStatementKind.Ddl);
                _b.Tag(DataTags.Destructive);
                _b.TableWritten(Name(dropSchema.Schema) + ".*");
                break;
            case DropDatabaseStatement:
                _b.Kind(SqlStatementKind.Ddl);
                _b.Tag(DataTags.Destructive);
                _b.TableWritten("*");
                break;
            case GrantStatement or RevokeStatement or DenyStatement:
                _b.Kind(node is GrantStatement ? SqlStatementKind.Grant : SqlStatementKind.Revoke);
                if (node is SecurityStatement { SecurityTargetObject.ObjectName.MultiPartIdentifier: { } target })
                {
                    _b.TableWritten(string.Join('.', target.Identifiers.Select(i => Fold(i.Value))));
                }

                break;
            case BulkInsertStatement bulk:
                _b.Kind(SqlStatementKind.Insert);
                _b.Tag(DataTags.FileAccess);
                _b.TableWritten(Name(bulk.To));
                break;
            case BackupStatement or RestoreStatement:
                _b.Kind(SqlStatementKind.Ddl);
                _b.Tag(DataTags.FileAccess);
                break;
            case CreateTableStatement create:
                _b.Kind(SqlStatementKind.Ddl);
                _b.TableWritten(Name(create.SchemaObjectName));
                break;
            case AlterTableStatement alter:
                _b.Kind(SqlStatementKind.Ddl);
                if (alter is AlterTableDropTableElementStatement)
                {
                    // Dropping a column or constraint destroys data like DROP TABLE does.
                    _b.Tag(DataTags.Destructive);
                }

                _b.TableWritten(Name(alter.SchemaObjectName));
                break;
            case CreateLoginStatement or AlterLoginStatement or DropLoginStatement or CreateUserStatement or AlterUserStatement or DropUserStatement
                or CreateRoleStatement or AlterRoleStatement or DropRoleStatement or AlterServerRoleStatement:
                _b.Kind(SqlStatementKind.Ddl);
                _b.Tag(DataTags.Privilege);
                break;
            case ExecuteAsStatement or RevertStatement or SetUserStatement:
                _b.Kind(SqlStatementKind.Session);
                _b.Tag(DataTags.Privilege);
                break;
            case BeginTransactionStatement or CommitTransactionStatement or RollbackTransactionStatement or SaveTransactionStatement:
                _b.Kind(SqlStatementKind.Transaction);
                break;
            case ExecuteStatement or IfStatement or WhileStatement or BeginEndBlockStatement or TryCatchStatement:
                break;
            case PredicateSetStatement or SetVariableStatement or DeclareVariableStatement or UseStatement or PrintStatement or ReturnStatement
                or SetCommandStatement or RaiseErrorStatement or ThrowStatement or WaitForStatement or SetTransactionIsolationLevelStatement:
                _b.Kind(SqlStatementKind.Session);
                break;
            default:
                var type = node.GetType().Name;
                if (type.StartsWith("Create", StringComparison.Ordinal) || type.StartsWith("Alter", StringComparison.Ordinal) || type.StartsWith("Drop", StringComparison.Ordinal))
                {
                    _b.Kind(SqlStatementKind.Ddl);
                    if (type.StartsWith("Drop", StringComparison.Ordinal))
                    {
                        _b.Tag(DataTags.Destructive);
                    }
                }
                else
                {
                    _b.Opaque($"a T-SQL statement of unknown kind ({type})");
                }

                break;
        }
    }

    public override void Visit(CommonTableExpression node) => _cteNames.Add(Fold(node.ExpressionName.Value));

    public override void Visit(InsertSpecification node)
    {
        _targets.Add(node.Target);
        if (node.Columns.Count == 0)
        {
            _b.ColumnWritten("*");
        }

        foreach (var column in node.Columns)
        {
            _written.Add(column);
            _b.ColumnWritten(LastPart(column));
        }
    }

    public override void Visit(UpdateSpecification node)
    {
        _targets.Add(node.Target);
        CheckWhere(node.WhereClause);
    }

    public override void Visit(DeleteSpecification node)
    {
        _targets.Add(node.Target);
        CheckWhere(node.WhereClause);
    }

    public override void Visit(MergeSpecification node) => _targets.Add(node.Target);

    public override void Visit(InsertMergeAction node) => _b.Kind(SqlStatementKind.Insert);

    public override void Visit(DeleteMergeAction node) => _b.Kind(SqlStatementKind.Delete);

    public override void Visit(AssignmentSetClause node)
    {
        if (node.Column is { } column)
        {
            _written.Add(column);
            _b.ColumnWritten(LastPart(column));
        }
    }

    public override void Visit(NamedTableReference node)
    {
        var name = Name(node.SchemaObject);
        if (node.SchemaObject.ServerIdentifier is not null)
        {
            _b.Tag(DataTags.Network);
        }

        if (!name.Contains('.', StringComparison.Ordinal) && _cteNames.Contains(name))
        {
            return;
        }

        if (_targets.Contains(node))
        {
            _b.TableWritten(name);
        }
        else
        {
            _b.TableRead(name);
        }
    }

    public override void Visit(BulkOpenRowset node) => _b.Tag(DataTags.FileAccess);

    public override void Visit(OpenRowsetTableReference node) => _b.Tag(DataTags.Network);

    public override void Visit(AdHocTableReference node) => _b.Tag(DataTags.Network);

    public override void Visit(OpenQueryTableReference node) => _b.Tag(DataTags.Network);

    public override void Visit(InternalOpenRowset node) => _b.Tag(DataTags.Network);

    public override void Visit(ColumnReferenceExpression node)
    {
        if (_written.Contains(node))
        {
            return;
        }

        if (node.ColumnType == ColumnType.Wildcard)
        {
            _b.ColumnRead("*");
        }
        else if (node.MultiPartIdentifier is not null)
        {
            _b.ColumnRead(LastPart(node));
        }
    }

    public override void Visit(SelectStarExpression node) => _b.ColumnRead("*");

    public override void Visit(FunctionCall node) => SqlFunctions.Check(node.FunctionName.Value, _b);

    public override void Visit(ExecutableStringList node) => _b.Opaque("dynamic SQL (EXEC of a string)");

    public override void Visit(ExecuteSpecification node)
    {
        if (node.LinkedServer is not null)
        {
            _b.Tag(DataTags.Network);
        }
    }

    public override void Visit(ExecutableProcedureReference node)
    {
        var name = node.ProcedureReference?.ProcedureReference?.Name?.BaseIdentifier?.Value;
        switch (name?.ToLowerInvariant())
        {
            case "xp_cmdshell" or "sp_oacreate" or "sp_oamethod" or "xp_regwrite" or "sp_execute_external_script":
                _b.Tag(DataTags.ProgramExecution);
                _b.Kind(SqlStatementKind.Ddl);
                break;
            case "xp_dirtree" or "xp_fileexist" or "xp_subdirs" or "xp_regread":
                _b.Tag(DataTags.FileAccess);
                _b.Kind(SqlStatementKind.Session);
                break;
            case "sp_configure":
                _b.Kind(SqlStatementKind.Ddl);
                break;
            case "sp_addlinkedserver" or "sp_addlinkedsrvlogin":
                _b.Kind(SqlStatementKind.Ddl);
                _b.Tag(DataTags.Network);
                break;
            case "sp_addsrvrolemember" or "sp_addrolemember" or "sp_addlogin" or "sp_grantdbaccess" or "sp_changedbowner":
                _b.Kind(SqlStatementKind.Grant);
                break;
            case "sp_executesql":
                _b.Opaque("dynamic SQL (sp_executesql)");
                break;
            default:
                _b.Opaque($"a procedure call ({name ?? "a variable"}): what it runs is not visible");
                break;
        }
    }

    private void CheckWhere(WhereClause? where)
    {
        if (where is null)
        {
            _b.MassChange();
            return;
        }

        if (where.Cursor is null && where.SearchCondition is { } condition && AlwaysTrue(condition))
        {
            _b.MassChange();
        }
    }

    /// <summary>An OR branch that names no column, or compares an expression with itself, is true for every row (or none).</summary>
    private bool AlwaysTrue(BooleanExpression condition) => condition switch
    {
        BooleanBinaryExpression { BinaryExpressionType: BooleanBinaryExpressionType.Or } or => AlwaysTrue(or.FirstExpression) || AlwaysTrue(or.SecondExpression),
        BooleanParenthesisExpression parenthesis => AlwaysTrue(parenthesis.Expression),
        BooleanComparisonExpression comparison when comparison.ComparisonType is BooleanComparisonType.Equals or BooleanComparisonType.GreaterThanOrEqualTo or BooleanComparisonType.LessThanOrEqualTo
            && string.Equals(Text(comparison.FirstExpression), Text(comparison.SecondExpression), StringComparison.OrdinalIgnoreCase) => true,
        _ => !ColumnFinder.HasColumn(condition),
    };

    private string Text(TSqlFragment fragment) => fragment.StartOffset >= 0 && fragment.StartOffset + fragment.FragmentLength <= _text.Length
        ? _text.Substring(fragment.StartOffset, fragment.FragmentLength).Trim()
        : string.Empty;

    private static string Name(SchemaObjectName name)
    {
        var parts = new List<string>(3);
        foreach (var identifier in name.Identifiers)
        {
            if (identifier is not null && !string.IsNullOrEmpty(identifier.Value))
            {
                parts.Add(Fold(identifier.Value));
            }
        }

        return string.Join('.', parts);
    }

    private static string LastPart(ColumnReferenceExpression column)
        => column.MultiPartIdentifier is { Count: > 0 } parts ? Fold(parts.Identifiers[^1].Value) : "*";

    private static string Fold(string value) => value.ToLowerInvariant();

    /// <summary>Finds whether a condition references any column.</summary>
    private sealed class ColumnFinder : TSqlFragmentVisitor
    {
        private bool _found;

        public static bool HasColumn(TSqlFragment fragment)
        {
            var finder = new ColumnFinder();
            fragment.Accept(finder);
            return finder._found;
        }

        public override void Visit(ColumnReferenceExpression node) => _found = true;
    }
}
