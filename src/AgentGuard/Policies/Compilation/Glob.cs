using System.Runtime.CompilerServices;

namespace AgentGuard.Policies;

/// <summary>
/// A case-insensitive name pattern with <c>*</c> (any run) and <c>?</c> (one character), matched without allocating;
/// exact, prefix, suffix and contains shapes take fast paths. The one glob matcher of AgentGuard: rules, tool
/// classification and adapters (e.g. MCP registry grants) all use it.
/// </summary>
public sealed class Glob
{
    private readonly string _pattern;
    private readonly Kind _kind;
    private readonly string _literal;

    private Glob(string pattern)
    {
        _pattern = pattern;
        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        var hasQuestion = pattern.Contains('?', StringComparison.Ordinal);
        var stars = pattern.AsSpan().Count('*');
        if (!hasQuestion && stars == 0)
        {
            _kind = Kind.Exact;
            _literal = pattern;
        }
        else if (!hasQuestion && pattern == "*")
        {
            _kind = Kind.Any;
            _literal = string.Empty;
        }
        else if (!hasQuestion && stars == 1 && star == pattern.Length - 1)
        {
            _kind = Kind.Prefix;
            _literal = pattern[..^1];
        }
        else if (!hasQuestion && stars == 1 && star == 0)
        {
            _kind = Kind.Suffix;
            _literal = pattern[1..];
        }
        else if (!hasQuestion && stars == 2 && star == 0 && pattern[^1] == '*' && pattern.Length > 2)
        {
            _kind = Kind.Contains;
            _literal = pattern[1..^1];
        }
        else
        {
            _kind = Kind.General;
            _literal = pattern;
        }
    }

    private enum Kind
    {
        Exact,
        Any,
        Prefix,
        Suffix,
        Contains,
        General,
    }

    /// <summary>The pattern as written (trimmed).</summary>
    public string Pattern => _pattern;

    /// <summary>True when the pattern has no wildcard.</summary>
    public bool IsExact => _kind == Kind.Exact;

    /// <summary>Compiles <paramref name="pattern"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Glob Create(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new(pattern.Trim());
    }

    /// <summary>True when <paramref name="text"/> matches, ignoring case.</summary>
    public bool IsMatch(ReadOnlySpan<char> text) => _kind switch
    {
        Kind.Exact => text.Equals(_literal, StringComparison.OrdinalIgnoreCase),
        Kind.Any => true,
        Kind.Prefix => text.StartsWith(_literal, StringComparison.OrdinalIgnoreCase),
        Kind.Suffix => text.EndsWith(_literal, StringComparison.OrdinalIgnoreCase),
        Kind.Contains => text.Contains(_literal, StringComparison.OrdinalIgnoreCase),
        _ => MatchGeneral(_literal, text),
    };

    /// <inheritdoc />
    public override string ToString() => _pattern;

    private static bool MatchGeneral(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(text[t])))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}

/// <summary>A set of globs; matches when any does.</summary>
internal sealed class GlobSet
{
    private readonly Glob[] _globs;

    /// <summary>No pattern: matches nothing.</summary>
    public GlobSet() => _globs = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public GlobSet(List<string> patterns)
    {
        var count = 0;
        foreach (var pattern in patterns)
        {
            count += string.IsNullOrWhiteSpace(pattern) ? 0 : 1;
        }

        _globs = count == 0 ? [] : new Glob[count];
        var at = 0;
        foreach (var pattern in patterns)
        {
            if (!string.IsNullOrWhiteSpace(pattern))
            {
                _globs[at++] = Glob.Create(pattern);
            }
        }
    }

    public bool IsEmpty => _globs.Length == 0;

    public IReadOnlyList<Glob> Globs => _globs;

    public bool IsMatch(string? text)
    {
        if (text is null)
        {
            return false;
        }

        foreach (var glob in _globs)
        {
            if (glob.IsMatch(text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a pattern matches the tool name qualified by its source the way frameworks spell it on the wire:
    /// <c>plugin-function</c> (Semantic Kernel's connectors), <c>plugin_function</c> (M.E.AI) or <c>plugin.function</c>.
    /// </summary>
    public bool IsMatchQualified(string? source, string toolName)
    {
        if (string.IsNullOrEmpty(source))
        {
            return false;
        }

        foreach (var glob in _globs)
        {
            if (QualifiedName.Matches(glob, source, toolName))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => string.Join(",", _globs.Select(g => g.Pattern));
}

/// <summary>A tool name qualified by its source (<c>source-name</c>, <c>source_name</c>, <c>source.name</c>), matched without allocating.</summary>
internal static class QualifiedName
{
    /// <summary>The separators frameworks put between a plugin or server and a function name.</summary>
    private const string SeparatorChars = "-_.";

    /// <summary>The separators, as a span for allocation-free checks.</summary>
    public static ReadOnlySpan<char> Separators => SeparatorChars;

    /// <summary>
    /// True when the pattern names the source explicitly (<c>files-read_file</c>, <c>files-*</c>) and matches the
    /// qualified name. A pattern that does not start with the source and a separator (<c>shell*</c>, <c>*_file</c>) is
    /// about tool names only, so <c>shell*</c> never matches every command of the source <c>shell</c>.
    /// </summary>
    public static bool Matches(Glob glob, string source, string toolName)
    {
        var pattern = glob.Pattern;
        if (pattern.Length <= source.Length
            || Separators.IndexOf(pattern[source.Length]) < 0
            || !pattern.AsSpan(0, source.Length).Equals(source, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var length = source.Length + 1 + toolName.Length;
        Span<char> buffer = length <= 512 ? stackalloc char[length] : new char[length];
        source.AsSpan().CopyTo(buffer);
        toolName.AsSpan().CopyTo(buffer[(source.Length + 1)..]);
        buffer[source.Length] = pattern[source.Length];
        return glob.IsMatch(buffer);
    }

    /// <summary>The qualified spellings of a name, for index lookups computed once per (name, source).</summary>
    public static IEnumerable<string> Spellings(string source, string toolName)
    {
        foreach (var separator in SeparatorChars)
        {
            yield return string.Concat(source, separator.ToString(), toolName);
        }
    }
}
