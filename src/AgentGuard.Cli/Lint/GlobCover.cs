using AgentGuard.Policies;

namespace AgentGuard.Cli.Lint;

/// <summary>Conservative glob inclusion: <see cref="Covers"/> is true only when every name the inner pattern matches, the outer one matches too.</summary>
internal static class GlobCover
{
    public static bool Covers(string outer, string inner)
    {
        outer = outer.Trim();
        inner = inner.Trim();
        if (outer == "*" || string.Equals(outer, inner, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var innerIsLiteral = inner.IndexOfAny(['*', '?']) < 0;
        if (innerIsLiteral)
        {
            return Glob.Create(outer).IsMatch(inner);
        }

        if (outer.IndexOf('?', StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        var stars = outer.Count(c => c == '*');
        if (stars == 1 && outer.EndsWith('*'))
        {
            var prefix = outer[..^1];
            return inner.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && inner.IndexOfAny(['*', '?']) >= prefix.Length;
        }

        if (stars == 1 && outer.StartsWith('*'))
        {
            var suffix = outer[1..];
            return inner.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && inner.LastIndexOfAny(['*', '?']) < inner.Length - suffix.Length;
        }

        return false;
    }

    /// <summary>True when every pattern of <paramref name="inner"/> is covered by a pattern of <paramref name="outer"/> (an empty outer list matches everything).</summary>
    public static bool CoversAll(IReadOnlyList<string> outer, IReadOnlyList<string> inner)
        => outer.Count == 0 || (inner.Count > 0 && inner.All(i => outer.Any(o => Covers(o, i))));
}
