namespace AgentGuard.Data;

/// <summary>Collects what the readers find, without duplicates, and builds the immutable <see cref="SqlAnalysis"/>.</summary>
internal sealed class SqlAnalysisBuilder(SqlDialect dialect)
{
    private readonly List<SqlStatementKind> _kinds = new(2);
    private readonly List<string> _tablesRead = new(4);
    private readonly List<string> _tablesWritten = new(2);
    private readonly List<string> _columnsRead = new(8);
    private readonly List<string> _columnsWritten = new(4);
    private readonly List<string> _tags = new(4);
    private string? _opaque;

    public int Statements { get; set; }

    public SqlDialect Dialect => dialect;

    public void Kind(SqlStatementKind kind)
    {
        if (!_kinds.Contains(kind))
        {
            _kinds.Add(kind);
        }

        switch (kind)
        {
            case SqlStatementKind.Read:
                Tag(DataTags.Read);
                break;
            case SqlStatementKind.Insert or SqlStatementKind.Update:
                Tag(DataTags.Write);
                break;
            case SqlStatementKind.Delete:
                Tag(DataTags.Write);
                Tag(DataTags.Destructive);
                break;
            case SqlStatementKind.Ddl:
                Tag(DataTags.Ddl);
                break;
            case SqlStatementKind.Grant or SqlStatementKind.Revoke:
                Tag(DataTags.Privilege);
                break;
            case SqlStatementKind.Unknown:
                Opaque("a statement of unknown kind");
                break;
        }
    }

    public void TableRead(string name) => Add(_tablesRead, name);

    public void TableWritten(string name) => Add(_tablesWritten, name);

    public void ColumnRead(string name) => Add(_columnsRead, name);

    public void ColumnWritten(string name) => Add(_columnsWritten, name);

    public void Tag(string tag) => Add(_tags, tag);

    public void MassChange()
    {
        Tag(DataTags.MassChange);
        Tag(DataTags.Destructive);
    }

    /// <summary>Marks the text opaque; the first reason is kept.</summary>
    public void Opaque(string reason)
    {
        _opaque ??= reason;
        Tag(DataTags.Opaque);
    }

    public SqlAnalysis Build()
    {
        if (Statements > 1)
        {
            Tag(DataTags.MultiStatement);
        }

        return new SqlAnalysis(dialect, Statements, [.. _kinds], [.. _tablesRead], [.. _tablesWritten], [.. _columnsRead], [.. _columnsWritten], [.. _tags], _opaque);
    }

    private static void Add(List<string> list, string value)
    {
        foreach (var existing in list)
        {
            if (string.Equals(existing, value, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }

        list.Add(value);
    }
}
