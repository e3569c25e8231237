namespace AgentGuard.Data;

/// <summary>
/// Reads a SQL text before it runs: statement kinds, tables and columns read and written, mass changes, file and
/// program access (<see cref="DataTags"/>). PostgreSQL and SQLite are read by a tokenizer that knows their quoting
/// and comments; T-SQL by Microsoft's own parser (simple statements by a T-SQL-aware token reader that gives the same
/// result, everything else by the parser). What cannot be read is <c>opaque</c>, never guessed. Pure and
/// thread-safe.
/// </summary>
public static class SqlAnalyzer
{
    /// <summary>Texts longer than this are opaque unless a smaller limit is given (1,000,000 characters).</summary>
    public const int DefaultMaxLength = 1_000_000;

    /// <summary>Batches of more statements than this are opaque unless another limit is given (100).</summary>
    public const int DefaultMaxStatements = 100;

    /// <summary>Analyses <paramref name="sql"/> in <paramref name="dialect"/>.</summary>
    /// <param name="sql">The statement or batch.</param>
    /// <param name="dialect">How to read it.</param>
    /// <param name="maxLength">Longer texts are opaque (not read).</param>
    /// <param name="maxStatements">Batches with more statements are opaque.</param>
    public static SqlAnalysis Analyze(string sql, SqlDialect dialect, int maxLength = DefaultMaxLength, int maxStatements = DefaultMaxStatements)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var builder = new SqlAnalysisBuilder(dialect);
        if (sql.Length > maxLength)
        {
            builder.Opaque($"a text longer than {maxLength} characters");
            return builder.Build();
        }

        try
        {
            if (dialect == SqlDialect.SqlServer)
            {
                // Simple statements are read from tokens (same result, a fraction of the time); the rest by ScriptDom.
                if (maxStatements >= 1 && TSqlFastReader.TryRead(sql, builder))
                {
                    return builder.Build();
                }

                builder = new SqlAnalysisBuilder(dialect);
                TSqlReader.Read(sql, builder, maxStatements);
            }
            else if (SqlLexer.Tokenize(sql, dialect, out var problem) is { } tokens)
            {
                TokenSqlReader.Read(sql, tokens, builder, maxStatements);
            }
            else
            {
                builder.Opaque(problem!);
            }
        }
#pragma warning disable CA1031 // A reader failure must make the text opaque (and so fail safe), never reach the agent.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            builder.Opaque("the analyser failed: " + ex.GetType().Name);
        }

        return builder.Build();
    }
}
