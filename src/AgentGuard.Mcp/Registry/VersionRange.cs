using System.Globalization;

namespace AgentGuard.Mcp;

/// <summary>
/// An approved version or range: exact (<c>1.4.2</c>), any (<c>*</c>), wildcard (<c>1.4.*</c>, <c>1.x</c>, <c>1.4</c>),
/// caret (<c>^1.4.0</c>), tilde (<c>~1.4.0</c>), comparators (<c>&gt;=1.4.0 &lt;2.0.0</c>) and alternatives (<c>||</c>).
/// Versions compare numerically part by part; a pre-release (<c>1.0.0-rc.1</c>) sorts before its release.
/// </summary>
internal sealed class VersionRange
{
    private readonly Comparator[][] _alternatives;

    private VersionRange(string text, Comparator[][] alternatives)
    {
        Text = text;
        _alternatives = alternatives;
    }

    public string Text { get; }

    /// <summary>Parses a range; throws <see cref="FormatException"/> with a message naming the bad part.</summary>
    public static VersionRange Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var alternatives = new List<Comparator[]>();
        foreach (var alternative in text.Split("||", StringSplitOptions.TrimEntries))
        {
            if (alternative.Length == 0)
            {
                throw new FormatException("an alternative between '||' is empty");
            }

            var comparators = new List<Comparator>();
            foreach (var part in alternative.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                AddComparators(part, comparators);
            }

            alternatives.Add([.. comparators]);
        }

        return new VersionRange(text, [.. alternatives]);
    }

    /// <summary>True when <paramref name="version"/> satisfies the range; false for versions that cannot be parsed.</summary>
    public bool Matches(string? version)
    {
        if (version is null || !SemVersion.TryParse(version.Trim().TrimStart('v', 'V'), out var parsed))
        {
            return false;
        }

        foreach (var alternative in _alternatives)
        {
            var all = true;
            foreach (var comparator in alternative)
            {
                if (!comparator.Matches(parsed))
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static void AddComparators(string part, List<Comparator> into)
    {
        if (part is "*" or "x" or "X")
        {
            return;
        }

        if (part[0] == '^' || part[0] == '~')
        {
            var lower = SemVersion.Parse(part[1..], part);
            var upper = part[0] == '~' || lower.Major == 0
                ? (part[0] == '^' && lower.Major == 0 && lower.Minor == 0 ? new SemVersion(0, 0, lower.Patch + 1) : new SemVersion(lower.Major, lower.Minor + 1, 0))
                : new SemVersion(lower.Major + 1, 0, 0);
            into.Add(new Comparator(Op.GreaterOrEqual, lower));
            into.Add(new Comparator(Op.Less, upper));
            return;
        }

        var (op, rest) = part switch
        {
            _ when part.StartsWith(">=", StringComparison.Ordinal) => (Op.GreaterOrEqual, part[2..]),
            _ when part.StartsWith("<=", StringComparison.Ordinal) => (Op.LessOrEqual, part[2..]),
            _ when part.StartsWith('>') => (Op.Greater, part[1..]),
            _ when part.StartsWith('<') => (Op.Less, part[1..]),
            _ when part.StartsWith('=') => (Op.Equal, part[1..]),
            _ => (Op.Equal, part),
        };

        if (op == Op.Equal && IsPartial(rest, out var prefix))
        {
            // 1.4.* / 1.x / 1.4 => [1.4.0, 1.5.0)
            if (prefix.Length == 0)
            {
                return;
            }

            var lower = new SemVersion(prefix[0], prefix.Length > 1 ? prefix[1] : 0, 0);
            var upper = prefix.Length > 1 ? new SemVersion(prefix[0], prefix[1] + 1, 0) : new SemVersion(prefix[0] + 1, 0, 0);
            into.Add(new Comparator(Op.GreaterOrEqual, lower));
            into.Add(new Comparator(Op.Less, upper));
            return;
        }

        into.Add(new Comparator(op, SemVersion.Parse(rest, part)));
    }

    private static bool IsPartial(string text, out int[] prefix)
    {
        var parts = text.Split('.');
        var numbers = new List<int>();
        var wildcard = false;
        foreach (var p in parts)
        {
            if (p is "*" or "x" or "X")
            {
                wildcard = true;
                break;
            }

            if (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                prefix = [];
                return false;
            }

            numbers.Add(n);
        }

        prefix = [.. numbers];
        return wildcard || (parts.Length < 3 && numbers.Count == parts.Length);
    }

    private enum Op
    {
        Equal,
        Greater,
        GreaterOrEqual,
        Less,
        LessOrEqual,
    }

    private readonly record struct Comparator(Op Op, SemVersion Version)
    {
        public bool Matches(SemVersion candidate)
        {
            var c = candidate.CompareTo(Version);
            return Op switch
            {
                Op.Equal => c == 0,
                Op.Greater => c > 0,
                Op.GreaterOrEqual => c >= 0,
                Op.Less => c < 0,
                _ => c <= 0,
            };
        }
    }
}
