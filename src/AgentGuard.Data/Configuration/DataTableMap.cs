namespace AgentGuard.Data;

/// <summary>
/// The configured tables, ready for matching the names a statement uses: <c>hr.salaries</c> matches <c>salaries</c>
/// (any schema could be on the search path), <c>hr.salaries</c>, <c>db.hr.salaries</c>, <c>hr.*</c> and <c>*</c>; case is ignored.
/// </summary>
internal sealed class DataTableMap
{
    private readonly Entry[] _entries;

    public DataTableMap(AgentGuardDataOptions options)
    {
        Options = options;
        _entries = [.. options.Tables.Select(t => new Entry(Split(t.Key), t.Value ?? new DataTableOptions()))];
    }

    public AgentGuardDataOptions Options { get; }

    public bool IsEmpty => _entries.Length == 0;

    public static bool IsValidTableName(string name)
        => !string.IsNullOrWhiteSpace(name) && !name.Any(c => char.IsWhiteSpace(c) || c is '*' or '?' or '"' or '[' or ']' or '`')
            && name.Split('.') is { Length: <= 3 } parts && parts.All(p => p.Length > 0);

    /// <summary>
    /// The data tags of what <paramref name="analysis"/> touches, the sensitive columns of those tables, and the data tags
    /// of what it reads (tables read, and the columns read of them): the labels its session gets when it runs.
    /// </summary>
    public (List<string> Tags, List<string> SensitiveColumns, List<string> ReadTags) Match(SqlAnalysis analysis)
    {
        var tags = new List<string>();
        var sensitive = new List<string>();
        var readTags = new List<string>();
        if (_entries.Length == 0)
        {
            return (tags, sensitive, readTags);
        }

        foreach (var entry in _entries)
        {
            var read = Touches(entry.Name, analysis.TablesRead);
            if (!read && !Touches(entry.Name, analysis.TablesWritten))
            {
                continue;
            }

            AddAll(tags, entry.Options.Tags);
            if (read)
            {
                AddAll(readTags, entry.Options.Tags);
            }

            foreach (var (column, config) in entry.Options.Columns)
            {
                if (config is null)
                {
                    continue;
                }

                if (config.Sensitive)
                {
                    Add(sensitive, column);
                }

                var columnRead = Names(column, analysis.ColumnsRead);
                if (columnRead || Names(column, analysis.ColumnsWritten))
                {
                    AddAll(tags, config.Tags);
                }

                if (read && columnRead)
                {
                    AddAll(readTags, config.Tags);
                }
            }
        }

        return (tags, sensitive, readTags);
    }

    private static bool Touches(string[] configured, IReadOnlyList<string> references)
    {
        foreach (var reference in references)
        {
            if (Matches(configured, Split(reference)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a reference can name the configured table: the table names agree, and the schemas do when both are given.</summary>
    private static bool Matches(string[] configured, string[] reference)
    {
        if (reference is ["*"])
        {
            return true;
        }

        var table = configured[^1];
        var schema = configured.Length > 1 ? configured[^2] : null;
        if (reference[^1] == "*")
        {
            return reference.Length < 2 || schema is null || string.Equals(reference[^2], schema, StringComparison.OrdinalIgnoreCase);
        }

        if (!string.Equals(reference[^1], table, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return reference.Length < 2 || schema is null || string.Equals(reference[^2], schema, StringComparison.OrdinalIgnoreCase);
    }

    private static bool Names(string column, IReadOnlyList<string> columns)
    {
        foreach (var c in columns)
        {
            if (c == "*" || string.Equals(c, column, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string[] Split(string name) => name.Split('.');

    private static void AddAll(List<string> list, List<string> values)
    {
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                Add(list, value.Trim());
            }
        }
    }

    private static void Add(List<string> list, string value)
    {
        if (!list.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            list.Add(value);
        }
    }

    private sealed record Entry(string[] Name, DataTableOptions Options);
}
