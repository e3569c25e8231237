namespace AgentGuard.Data;

/// <summary>A column with tags of its own, or values that must not reach the audit trail.</summary>
public sealed class DataColumnOptions
{
    /// <summary>Tags of a statement that reads or writes this column (or every column, with <c>*</c>).</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>
    /// When true, the column's values are replaced by <c>***</c> in the event's parameters (a parameter named like the
    /// column) and in the rows passed to the result hook, so they reach neither the audit trail nor the session's memory.
    /// </summary>
    public bool Sensitive { get; set; }
}
