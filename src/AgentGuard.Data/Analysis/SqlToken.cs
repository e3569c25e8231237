namespace AgentGuard.Data;

/// <summary>What a token is.</summary>
internal enum SqlTokenKind
{
    /// <summary>An unquoted word: a keyword or an identifier (<see cref="SqlToken.Name"/> is lower case).</summary>
    Word,

    /// <summary>A quoted identifier (<c>"x"</c>, <c>`x`</c>, <c>[x]</c>); <see cref="SqlToken.Name"/> is its content.</summary>
    QuotedName,

    /// <summary>A string literal of any form (<c>'…'</c>, <c>E'…'</c>, <c>$tag$…$tag$</c>, <c>X'…'</c>).</summary>
    String,

    /// <summary>A number.</summary>
    Number,

    /// <summary>A parameter placeholder (<c>$1</c>, <c>@name</c>, <c>:name</c>, <c>?</c>).</summary>
    Parameter,

    /// <summary>An operator or other punctuation (<c>=</c>, <c>*</c>, <c>::</c>).</summary>
    Symbol,

    /// <summary><c>;</c></summary>
    Semicolon,

    /// <summary><c>(</c></summary>
    Open,

    /// <summary><c>)</c></summary>
    Close,

    /// <summary><c>,</c></summary>
    Comma,

    /// <summary><c>.</c></summary>
    Dot,
}

/// <summary>One token of a SQL text: its kind, where it is, and for names the name as the database folds it.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Start">Its first character.</param>
/// <param name="Length">Its length in the text.</param>
/// <param name="Name">For words: lower case; for quoted names: the content; otherwise null.</param>
internal readonly record struct SqlToken(SqlTokenKind Kind, int Start, int Length, string? Name)
{
    public bool IsWord(string word) => Kind == SqlTokenKind.Word && string.Equals(Name, word, StringComparison.Ordinal);

    public bool IsName => Kind is SqlTokenKind.Word or SqlTokenKind.QuotedName;

    public bool IsSymbol(ReadOnlySpan<char> text, string symbol) => Kind == SqlTokenKind.Symbol && text.Slice(Start, Length).SequenceEqual(symbol);
}
