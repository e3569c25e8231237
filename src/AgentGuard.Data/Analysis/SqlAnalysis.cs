namespace AgentGuard.Data;

/// <summary>
/// What a SQL text does, as far as it can be known before it runs: the kinds of its statements, the tables and columns
/// it reads and writes, and flags (<see cref="DataTags"/>). Names are lower case unless they were quoted; a table is
/// written as the text names it (<c>hr.salaries</c>, <c>salaries</c>), a whole schema as <c>hr.*</c>.
/// </summary>
public sealed class SqlAnalysis
{
    internal SqlAnalysis(
        SqlDialect dialect,
        int statementCount,
        IReadOnlyList<SqlStatementKind> kinds,
        IReadOnlyList<string> tablesRead,
        IReadOnlyList<string> tablesWritten,
        IReadOnlyList<string> columnsRead,
        IReadOnlyList<string> columnsWritten,
        IReadOnlyList<string> tags,
        string? opaqueReason)
    {
        Dialect = dialect;
        StatementCount = statementCount;
        Kinds = kinds;
        TablesRead = tablesRead;
        TablesWritten = tablesWritten;
        ColumnsRead = columnsRead;
        ColumnsWritten = columnsWritten;
        Tags = tags;
        OpaqueReason = opaqueReason;
    }

    /// <summary>The dialect the text was read in.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>How many statements the text holds (empty statements not counted).</summary>
    public int StatementCount { get; }

    /// <summary>The distinct kinds of the statements, in the order first seen.</summary>
    public IReadOnlyList<SqlStatementKind> Kinds { get; }

    /// <summary>Tables read (<c>FROM</c>, <c>JOIN</c>, <c>USING</c>, <c>COPY … TO</c>).</summary>
    public IReadOnlyList<string> TablesRead { get; }

    /// <summary>Tables written, created, altered, dropped or granted on.</summary>
    public IReadOnlyList<string> TablesWritten { get; }

    /// <summary>Column names referenced in reads and conditions; <c>*</c> when a statement selects every column.</summary>
    public IReadOnlyList<string> ColumnsRead { get; }

    /// <summary>Columns assigned (<c>INSERT</c> column lists, <c>SET</c>); <c>*</c> for an insert without a column list.</summary>
    public IReadOnlyList<string> ColumnsWritten { get; }

    /// <summary>The flags (<see cref="DataTags"/>): <c>sql-read</c>, <c>sql-write</c>, <c>mass-change</c>, <c>opaque</c>…</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>Why the text (or part of it) could not be analysed; null when it could.</summary>
    public string? OpaqueReason { get; }

    /// <summary>True when some part could not be analysed (the <c>opaque</c> tag).</summary>
    public bool IsOpaque => OpaqueReason is not null;

    /// <summary>Every table read or written.</summary>
    public IEnumerable<string> Tables => TablesRead.Concat(TablesWritten).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the analysis has the tag <paramref name="tag"/>.</summary>
    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.OrdinalIgnoreCase);
}
