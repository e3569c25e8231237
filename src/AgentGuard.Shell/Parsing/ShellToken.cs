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

    /// <summary>The word's parts, for words. A plain word's one part is made only when something asks for it.</summary>
    public IReadOnlyList<WordPart> Parts
    {
        get => _parts ?? (IsPlainLiteral ? _parts = [new LiteralPart(Text, false)] : []);
        init => _parts = value;
    }

    private IReadOnlyList<WordPart>? _parts;

    /// <summary>
    /// True when the word is one unquoted literal whose text is <see cref="Text"/> (no quote, escape, expansion or
    /// continuation): most words of a line, which the expander takes as they are.
    /// </summary>
    public bool IsPlainLiteral { get; init; }

    /// <summary>For redirection operators: the file descriptor written before it (e.g. 2 in <c>2&gt;&amp;1</c>).</summary>
    public string? FileDescriptor { get; init; }

    /// <summary>For <c>&lt;&lt;</c> operators: the here-document's body, filled when the line ends.</summary>
    public HereDocument? HereDocument { get; set; }

    public bool IsOperator(string text) => Kind == ShellTokenKind.Operator && Text == text;

    /// <summary>
    /// The token for an operator written without a file descriptor (<c>&amp;&amp;</c>, <c>|</c>, <c>;</c>, <c>&gt;</c>…),
    /// shared by every line: such a token carries nothing but its text and is never changed. Null for here-document
    /// operators (they get a body) and unknown text.
    /// </summary>
    public static ShellToken? SharedOperator(string op) => op switch
    {
        "&&" => AndIf,
        "||" => OrIf,
        "|" => Pipe,
        ";" => Semicolon,
        "&" => Background,
        "(" => OpenParen,
        ")" => CloseParen,
        ">" => Write,
        ">>" => Append,
        "<" => Read,
        ";;" => CaseEnd,
        "|&" => PipeAll,
        ">&" => DuplicateOut,
        "&>" => WriteAll,
        _ => null,
    };

    /// <summary>The newline token, shared by every line.</summary>
    public static ShellToken Newline { get; } = new() { Kind = ShellTokenKind.Newline, Text = "\n" };

    private static readonly ShellToken AndIf = Operator("&&");
    private static readonly ShellToken OrIf = Operator("||");
    private static readonly ShellToken Pipe = Operator("|");
    private static readonly ShellToken Semicolon = Operator(";");
    private static readonly ShellToken Background = Operator("&");
    private static readonly ShellToken OpenParen = Operator("(");
    private static readonly ShellToken CloseParen = Operator(")");
    private static readonly ShellToken Write = Operator(">");
    private static readonly ShellToken Append = Operator(">>");
    private static readonly ShellToken Read = Operator("<");
    private static readonly ShellToken CaseEnd = Operator(";;");
    private static readonly ShellToken PipeAll = Operator("|&");
    private static readonly ShellToken DuplicateOut = Operator(">&");
    private static readonly ShellToken WriteAll = Operator("&>");

    private static ShellToken Operator(string text) => new() { Kind = ShellTokenKind.Operator, Text = text };
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
