using System.Collections.Frozen;

namespace AgentGuard.Data;

/// <summary>
/// The words the readers treat as keywords rather than column names, and the lower-case folding of words (keywords
/// come back as the shared instance, so the common case allocates nothing).
/// </summary>
internal static class SqlKeywords
{
    private static readonly FrozenSet<string> Words = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "abort", "all", "alter", "analyse", "analyze", "and", "any", "array", "as", "asc", "attach", "begin", "between", "both", "by",
        "call", "cascade", "case", "cast", "check", "checkpoint", "cluster", "collate", "column", "comment", "commit", "concurrently",
        "conflict", "constraint", "copy", "create", "cross", "current", "current_date", "current_role", "current_time",
        "current_timestamp", "current_user", "database", "deallocate", "declare", "default", "deferrable", "delete", "desc",
        "detach", "discard", "distinct", "do", "drop", "else", "end", "escape", "except", "exclusive", "execute", "exists",
        "explain", "false", "fetch", "filter", "first", "following", "for", "foreign", "from", "full", "function", "glob", "grant",
        "group", "having", "if", "ignore", "ilike", "immediate", "import", "in", "index", "indexed", "inner", "insert", "instead",
        "intersect", "interval", "into", "is", "isnull", "join", "key", "last", "lateral", "leading", "left", "like", "limit", "listen",
        "load", "local", "lock", "match", "matched", "materialized", "merge", "natural", "no", "not", "nothing", "notify", "notnull",
        "null", "nulls", "of", "offset", "on", "only", "or", "order", "outer", "over", "overriding", "partition", "placing", "pragma",
        "preceding", "prepare", "primary", "procedure", "range", "recursive", "references", "refresh", "regexp", "reindex", "release",
        "rename", "replace", "reset", "restrict", "returning", "revoke", "right", "rollback", "row", "rows", "savepoint", "schema",
        "select", "session", "session_user", "set", "show", "similar", "some", "start", "symmetric", "system", "table", "temp",
        "temporary", "then", "ties", "to", "trailing", "transaction", "trigger", "true", "truncate", "unbounded", "union", "unique",
        "unlisten", "unlogged", "update", "upsert", "user", "using", "vacuum", "values", "variadic", "verbose", "view", "when", "where",
        "window", "with", "within", "without", "work",
    ]);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="word"/> (lower case) is a keyword.</summary>
    public static bool IsKeyword(string word) => Words.Contains(word);

    /// <summary>The word in lower case; a keyword's shared instance when it is one.</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        if (Lookup.TryGetValue(word, out var keyword))
        {
            return keyword;
        }

        return string.Create(word.Length, word, static (target, source) => source.ToLowerInvariant(target));
    }
}
