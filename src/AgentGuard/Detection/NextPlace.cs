namespace AgentGuard;

/// <summary>
/// The next place of one needle at or after a position that only moves forward, searched again only once the position
/// has passed it. A scan that asks, for every hit on a line, where the next <c>-p</c> or line break is would read the
/// rest of the line once per hit; an attacker's tool result of one long line of hits (<c>-u -u -u …</c>) made that
/// quadratic. With the answer kept, each part of the text is searched once.
/// </summary>
internal struct NextPlace(string needle)
{
    private int _found = -1;
    private int _searchedFrom = int.MaxValue;
    private int _limit = -1;

    /// <summary>The first place of the needle in <c>[from, limit)</c>, or -1.</summary>
    public int In(string text, int from, int limit)
    {
        if (limit == _limit && from >= _searchedFrom && (_found < 0 || _found >= from))
        {
            return _found;
        }

        var hit = from < limit ? text.AsSpan(from, limit - from).IndexOf(needle, StringComparison.Ordinal) : -1;
        _found = hit < 0 ? -1 : from + hit;
        _searchedFrom = from;
        _limit = limit;
        return _found;
    }
}
