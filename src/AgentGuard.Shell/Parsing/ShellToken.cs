namespace AgentGuard.Shell.Parsing;

/// <summary>The kinds of token the lexer produces.</summary>
internal enum ShellTokenKind
{
    Word,
    Operator,
    Newline,
}

/// <summary>A lexed token: a word (with its parts), an operator, or a newline.</summary>
internal sealed class ShellToken
{
    public ShellTokenKind Kind { get; init; }

    /// <summary>The operator text, or the raw word text.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>The word's parts, for words.</summary>
    public IReadOnlyList<WordPart> Parts { get; init; } = [];

    /// <summary>For redirection operators: the file descriptor written before it (e.g. 2 in <c>2&gt;&amp;1</c>).</summary>
    public string? FileDescriptor { get; init; }

    /// <summary>For <c>&lt;&lt;</c> operators: the here-document's body, filled when the line ends.</summary>
    public HereDocument? HereDocument { get; set; }

    public bool IsOperator(string text) => Kind == ShellTokenKind.Operator && Text == text;
}

/// <summary>A here-document's delimiter and body.</summary>
internal sealed class HereDocument
{
    public string Delimiter { get; set; } = string.Empty;

    public bool StripTabs { get; init; }

    /// <summary>True when the delimiter was quoted, so the body is not expanded.</summary>
    public bool Quoted { get; set; }

    public string Body { get; set; } = string.Empty;

    public bool Terminated { get; set; }
}
