namespace AgentGuard.Data;

/// <summary>What one SQL statement does. A batch lists the kinds of all its statements.</summary>
public enum SqlStatementKind
{
    /// <summary>Not understood: the statement is <c>opaque</c> (dynamic SQL, a procedure call, an unknown command).</summary>
    Unknown = 0,

    /// <summary>Reads rows (<c>SELECT</c>, <c>VALUES</c>, <c>TABLE</c>, <c>SHOW</c>, <c>COPY … TO STDOUT</c>).</summary>
    Read = 1,

    /// <summary>Adds rows (<c>INSERT</c>, SQLite <c>REPLACE</c>, <c>COPY … FROM</c>).</summary>
    Insert = 2,

    /// <summary>Changes rows (<c>UPDATE</c>, <c>ON CONFLICT DO UPDATE</c>, <c>MERGE</c>).</summary>
    Update = 3,

    /// <summary>Removes rows (<c>DELETE</c>; <c>TRUNCATE</c> is <see cref="Ddl"/> and a mass change).</summary>
    Delete = 4,

    /// <summary>Changes the schema or the server (<c>CREATE</c>, <c>DROP</c>, <c>ALTER</c>, <c>TRUNCATE</c>, roles, settings).</summary>
    Ddl = 5,

    /// <summary>Gives a privilege (<c>GRANT</c>).</summary>
    Grant = 6,

    /// <summary>Takes a privilege away (<c>REVOKE</c>, T-SQL <c>DENY</c>).</summary>
    Revoke = 7,

    /// <summary>Transaction control (<c>BEGIN</c>, <c>COMMIT</c>, <c>ROLLBACK</c>, <c>SAVEPOINT</c>).</summary>
    Transaction = 8,

    /// <summary>Session settings and other commands that touch no rows (<c>SET</c>, <c>PRAGMA</c>, <c>LISTEN</c>, <c>VACUUM</c>).</summary>
    Session = 9,
}
