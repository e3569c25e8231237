namespace AgentGuard.Data;

/// <summary>The SQL dialect a statement is read in: quoting, comments and parameters differ between them.</summary>
public enum SqlDialect
{
    /// <summary>PostgreSQL (Npgsql): nested block comments, dollar quoting, <c>E'…'</c> escapes, <c>$1</c> and <c>@name</c> parameters.</summary>
    PostgreSql = 0,

    /// <summary>SQLite (Microsoft.Data.Sqlite): <c>"…"</c>, <c>`…`</c> and <c>[…]</c> identifiers, <c>?</c>, <c>:name</c>, <c>@name</c>, <c>$name</c> parameters.</summary>
    Sqlite = 1,

    /// <summary>Microsoft SQL Server T-SQL, read by Microsoft's own parser (Microsoft.SqlServer.TransactSql.ScriptDom).</summary>
    SqlServer = 2,

    /// <summary>
    /// MySQL and MariaDB: backslash escapes in <c>'…'</c> and <c>"…"</c>, <c>`…`</c> identifiers, <c>#</c> comments, <c>--</c>
    /// only before white space; executable comments (<c>/*! … */</c>) are read as code.
    /// </summary>
    MySql = 3,
}
