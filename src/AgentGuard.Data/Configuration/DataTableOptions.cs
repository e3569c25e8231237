namespace AgentGuard.Data;

/// <summary>What a table holds: the data tags its statements carry, and its columns that need their own.</summary>
public sealed class DataTableOptions
{
    /// <summary>Tags of every statement that reads or writes the table, e.g. <c>internal-only</c>, <c>pii</c>.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>Columns by name with tags of their own (added when the column, or <c>*</c>, is read or written).</summary>
    public Dictionary<string, DataColumnOptions> Columns { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
