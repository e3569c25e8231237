namespace AgentGuard.Data;

/// <summary>
/// Tags a database statement's event carries, for rules (<c>Match.Tags</c>, <c>When.DataTags</c>). The tags configured for
/// the tables and columns it touches (<c>AgentGuard:Data:Tables</c>) are added beside them.
/// </summary>
public static class DataTags
{
    /// <summary>The statement reads rows.</summary>
    public const string Read = "sql-read";

    /// <summary>The statement adds, changes or removes rows.</summary>
    public const string Write = "sql-write";

    /// <summary>The statement changes the schema, roles or server settings.</summary>
    public const string Ddl = "sql-ddl";

    /// <summary>The statement grants or revokes privileges, creates or changes roles, or switches role.</summary>
    public const string Privilege = "sql-privilege";

    /// <summary>An <c>UPDATE</c> or <c>DELETE</c> without a <c>WHERE</c>, or with one that is always true (<c>WHERE 1=1</c>); <c>TRUNCATE</c>.</summary>
    public const string MassChange = "mass-change";

    /// <summary>Removes data or objects: <c>DELETE</c>, <c>DROP</c>, <c>TRUNCATE</c>, a mass change (the shell guard's tag).</summary>
    public const string Destructive = "destructive";

    /// <summary>Reads or writes files on the database server (<c>COPY … TO '/file'</c>, <c>pg_read_file</c>, <c>INTO OUTFILE</c>, <c>ATTACH</c>, <c>OPENROWSET</c>).</summary>
    public const string FileAccess = "file-access";

    /// <summary>Runs a program or loads native code on the server (<c>COPY … PROGRAM</c>, <c>xp_cmdshell</c>, <c>load_extension</c>, untrusted languages).</summary>
    public const string ProgramExecution = "program-exec";

    /// <summary>Opens a connection from the server to elsewhere (<c>dblink</c>, <c>OPENDATASOURCE</c>, linked servers).</summary>
    public const string Network = "network";

    /// <summary>More than one statement in the text.</summary>
    public const string MultiStatement = "multi-statement";

    /// <summary>Cannot be understood before it runs (dynamic SQL, procedure calls, unbalanced quotes, too large): rules should fail safe on it.</summary>
    public const string Opaque = "opaque";
}
