namespace AgentGuard.Mcp;

/// <content>
/// The subdivision flags of Unicode's recommended emoji, written with tag characters: the black flag (U+1F3F4), the
/// tags of "gbeng", "gbsct" or "gbwls" (England, Scotland, Wales), the cancel tag (U+E007F). Such a flag is an emoji,
/// not hidden text. Tag characters anywhere else (a flag whose tags spell something else, tags without the black flag
/// or after the cancel tag, a flag left open) still hide text.
/// </content>
internal static partial class ToolDescriptionScanner
{
    /// <summary>The tags of the recommended subdivision flags, each five letters.</summary>
    private static readonly string[] RecommendedSubdivisions = ["gbeng", "gbsct", "gbwls"];

    /// <summary>
    /// The tag character whose high surrogate is at <paramref name="at"/> belongs to a recommended subdivision flag
    /// (<see cref="RecommendedSubdivisions"/>): at most six tag characters back, the black flag; from there five tag
    /// letters naming a recommended subdivision, then the cancel tag, <paramref name="at"/> among them.
    /// </summary>
    private static bool InRecommendedSubdivisionFlag(ReadOnlySpan<char> text, int at)
    {
        if (text[at] != '\uDB40')
        {
            return false;
        }

        var start = at;
        for (var back = 0; back < 6 && start >= 2 && text[start - 2] == '\uDB40'; back++)
        {
            start -= 2;
        }

        if (start < 2 || text[start - 2] != '\uD83C' || text[start - 1] != '\uDFF4')
        {
            return false;
        }

        Span<char> tags = stackalloc char[5];
        var length = 0;
        var i = start;
        while (i + 1 < text.Length && text[i] == '\uDB40' && text[i + 1] is >= '\uDC61' and <= '\uDC7A')
        {
            if (length == tags.Length)
            {
                return false;
            }

            tags[length++] = (char)(text[i + 1] - 0xDC00);
            i += 2;
        }

        if (length != tags.Length || at > i || i + 1 >= text.Length || text[i] != '\uDB40' || text[i + 1] != '\uDC7F')
        {
            return false;
        }

        foreach (var subdivision in RecommendedSubdivisions)
        {
            if (tags.SequenceEqual(subdivision))
            {
                return true;
            }
        }

        return false;
    }
}
