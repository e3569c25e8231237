namespace AgentGuard.Data;

/// <summary>
/// The <c>AgentGuard:Data</c> configuration section: which tables and columns carry which data tags, and the limits
/// of the database guard.
/// </summary>
/// <example>
/// <code>
/// "Data": {
///   "Tables": {
///     "hr.salaries": { "Tags": ["internal-only", "pii"], "Columns": { "iban": { "Tags": ["financial"], "Sensitive": true } } }
///   }
/// }
/// </code>
/// </example>
public sealed class AgentGuardDataOptions
{
    /// <summary>
    /// Tables by name (<c>schema.table</c>, or <c>table</c> for that name in any schema). A statement that reads or
    /// writes the table carries its tags, so rules such as <c>When.DataTags: ["internal-only"]</c> apply. A reference
    /// without a schema matches a configured <c>schema.table</c> of that name (the search path could lead there).
    /// </summary>
    public Dictionary<string, DataTableOptions> Tables { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Statements longer than this many characters are not analysed and are <c>opaque</c> (default 1,000,000).</summary>
    public int MaxStatementLength { get; set; } = SqlAnalyzer.DefaultMaxLength;

    /// <summary>Batches of more statements than this are <c>opaque</c> (default 100).</summary>
    public int MaxStatements { get; set; } = SqlAnalyzer.DefaultMaxStatements;

    /// <summary>Commands with more parameters than this are <c>opaque</c> (default 2,100, SQL Server's limit).</summary>
    public int MaxParameters { get; set; } = 2100;

    /// <summary>When true (default), rows read are passed, as text, through the result hook (secrets, injection, provenance).</summary>
    public bool InspectResults { get; set; } = true;

    /// <summary>At most this many characters of a result's rows are inspected (default 65,536).</summary>
    public int MaxResultChars { get; set; } = 64 * 1024;
}
