namespace AgentGuard.Data;

/// <summary>
/// The database a guarded connection talks to: its name (the event's tool name and source, what rules match with
/// <c>Match.Tools</c> / <c>Match.Sources</c>) and the dialect its statements are read in.
/// </summary>
/// <param name="Name">E.g. <c>hr</c> or <c>orders-db</c>.</param>
/// <param name="Dialect">How statements are read.</param>
public sealed record DatabaseSource(string Name, SqlDialect Dialect)
{
    /// <summary>
    /// Describes <paramref name="connection"/>: <paramref name="name"/>, else its database name, else its data
    /// source; the dialect from <paramref name="dialect"/>, else from the provider (Npgsql, Microsoft.Data.Sqlite,
    /// System.Data.SQLite, Microsoft.Data.SqlClient, System.Data.SqlClient).
    /// </summary>
    /// <exception cref="ArgumentException">The provider is not known and no dialect was given.</exception>
    public static DatabaseSource For(System.Data.Common.DbConnection connection, string? name = null, SqlDialect? dialect = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var resolved = dialect ?? DialectOf(connection.GetType())
            ?? throw new ArgumentException($"AgentGuard does not know the SQL dialect of {connection.GetType().FullName}: pass the dialect (SqlDialect.PostgreSql, Sqlite, SqlServer or MySql) when guarding it.", nameof(dialect));
        return new DatabaseSource(NameOf(connection, name), resolved);
    }

    /// <summary>The dialect of a provider's connection type, or null when it is not known.</summary>
    public static SqlDialect? DialectOf(Type connectionType)
    {
        ArgumentNullException.ThrowIfNull(connectionType);
        return connectionType.FullName switch
        {
            "Npgsql.NpgsqlConnection" => SqlDialect.PostgreSql,
            "Microsoft.Data.Sqlite.SqliteConnection" or "System.Data.SQLite.SQLiteConnection" => SqlDialect.Sqlite,
            "Microsoft.Data.SqlClient.SqlConnection" or "System.Data.SqlClient.SqlConnection" => SqlDialect.SqlServer,
            "MySqlConnector.MySqlConnection" or "MySql.Data.MySqlClient.MySqlConnection" => SqlDialect.MySql,
            _ => null,
        };
    }

    private static string NameOf(System.Data.Common.DbConnection connection, string? name)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            return name;
        }

        string? database = null;
        string? dataSource = null;
        try
        {
            database = connection.Database;
            dataSource = connection.DataSource;
        }
        catch (InvalidOperationException)
        {
            // Some providers refuse before the connection string is set: fall back below.
        }

        return !string.IsNullOrWhiteSpace(database) && database != "main" ? database
            : !string.IsNullOrWhiteSpace(dataSource) ? Path.GetFileNameWithoutExtension(dataSource) is { Length: > 0 } file ? file : dataSource
            : "database";
    }
}
