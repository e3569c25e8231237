using System.Buffers;

namespace AgentGuard;

/// <summary>
/// Finds many anchor strings fast. One <see cref="SearchValues{T}"/> over a hundred strings degrades to checking
/// almost every position (the vectorized prefilter works on a few strings at a time), so the anchors are split into
/// groups of <see cref="GroupSize"/> and each group is a separate vectorized pass. The anchors are sorted before they
/// are split, so a group holds anchors that begin alike: the prefilter looks at an anchor's first three characters, and
/// a group whose anchors share them lets fewer ordinary positions through to the full comparison. Hits come group by
/// group, each group in text order.
/// </summary>
internal sealed class AnchorSearch
{
    /// <summary>Strings per vectorized pass.</summary>
    internal const int GroupSize = 20;

    private readonly SearchValues<string>[] _groups;

    public AnchorSearch(IEnumerable<string> anchors, StringComparison comparison, int groupSize = GroupSize)
    {
        var comparer = comparison == StringComparison.OrdinalIgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var sorted = anchors.Distinct(comparer).Order(comparer).ToArray();
        _groups = [.. sorted.Chunk(groupSize).Select(group => SearchValues.Create(group, comparison))];
    }

    public int GroupCount => _groups.Length;

    /// <summary>The first position at or after <paramref name="start"/> where an anchor of group <paramref name="group"/> starts, or -1.</summary>
    public int Next(string text, int group, int start)
    {
        if (start >= text.Length)
        {
            return -1;
        }

        var hit = text.AsSpan(start).IndexOfAny(_groups[group]);
        return hit < 0 ? -1 : start + hit;
    }
}
