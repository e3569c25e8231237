using System.Globalization;

namespace AgentGuard.Mcp;

/// <summary>A version as servers report it: up to three numeric parts, an optional pre-release, build metadata ignored.</summary>
internal readonly record struct SemVersion(int Major, int Minor, int Patch, string PreRelease = "") : IComparable<SemVersion>
{
    public static SemVersion Parse(string text, string context)
        => TryParse(text, out var version)
            ? version
            : throw new FormatException($"'{context}' is not a version (expected e.g. 1.4.2)");

    public static bool TryParse(string text, out SemVersion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var plus = text.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            text = text[..plus];
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var pre = dash >= 0 ? text[(dash + 1)..] : string.Empty;
        var core = dash >= 0 ? text[..dash] : text;
        var parts = core.Split('.');
        if (parts.Length is < 1 or > 3)
        {
            return false;
        }

        Span<int> numbers = [0, 0, 0];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        version = new SemVersion(numbers[0], numbers[1], numbers[2], pre);
        return true;
    }

    public int CompareTo(SemVersion other)
    {
        var c = Major.CompareTo(other.Major);
        if (c == 0)
        {
            c = Minor.CompareTo(other.Minor);
        }

        if (c == 0)
        {
            c = Patch.CompareTo(other.Patch);
        }

        if (c != 0)
        {
            return c;
        }

        if (PreRelease.Length == 0 || other.PreRelease.Length == 0)
        {
            // A release sorts after its pre-releases: 1.0.0-rc.1 < 1.0.0.
            return (PreRelease.Length == 0 ? 1 : 0) - (other.PreRelease.Length == 0 ? 1 : 0);
        }

        return string.CompareOrdinal(PreRelease, other.PreRelease);
    }
}
