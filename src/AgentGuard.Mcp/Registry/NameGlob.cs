using System.IO.Enumeration;

namespace AgentGuard.Mcp;

/// <summary>A case-insensitive name glob (<c>*</c> any run, <c>?</c> one character) with fast paths for the common shapes.</summary>
internal sealed class NameGlob
{
    private readonly Shape _shape;
    private readonly string _literal;

    public NameGlob(string pattern)
    {
        Pattern = pattern;
        var stars = pattern.Count(c => c == '*');
        var question = pattern.Contains('?', StringComparison.Ordinal);
        (_shape, _literal) = (stars, question) switch
        {
            (0, false) => (Shape.Exact, pattern),
            (1, false) when pattern == "*" => (Shape.Any, string.Empty),
            (1, false) when pattern[^1] == '*' => (Shape.Prefix, pattern[..^1]),
            (1, false) when pattern[0] == '*' => (Shape.Suffix, pattern[1..]),
            (2, false) when pattern.Length > 2 && pattern[0] == '*' && pattern[^1] == '*' => (Shape.Contains, pattern[1..^1]),
            _ => (Shape.General, pattern),
        };
    }

    private enum Shape
    {
        Exact,
        Any,
        Prefix,
        Suffix,
        Contains,
        General,
    }

    public string Pattern { get; }

    public bool IsMatch(string value) => _shape switch
    {
        Shape.Exact => string.Equals(value, _literal, StringComparison.OrdinalIgnoreCase),
        Shape.Any => true,
        Shape.Prefix => value.StartsWith(_literal, StringComparison.OrdinalIgnoreCase),
        Shape.Suffix => value.EndsWith(_literal, StringComparison.OrdinalIgnoreCase),
        Shape.Contains => value.Contains(_literal, StringComparison.OrdinalIgnoreCase),
        _ => FileSystemName.MatchesSimpleExpression(_literal, value, ignoreCase: true),
    };

    public override string ToString() => Pattern;
}
