namespace AgentGuard;

/// <summary>
/// A second reader of the injection detector's word-start walk (the MCP tool-description scanner), so that one pass
/// over a text feeds both: the detector stops at every word start, at <see cref="WalkCharacters"/> and, with
/// <see cref="NonAscii"/>, at every non-ASCII character, and hands each position to <see cref="At"/> in text order.
/// </summary>
internal interface IWordStartReader
{
    /// <summary>
    /// The characters besides word starts the walk stops at: the reader's own and every one of
    /// <see cref="InjectionDetector.WalkCharacters"/> (a superset changes nothing the detector finds).
    /// </summary>
    string WalkCharacters { get; }

    /// <summary>True to stop at every non-ASCII character as well.</summary>
    bool NonAscii { get; }

    /// <summary>
    /// True when the reader offers <see cref="MayMatchAt"/>: one look at a stop for the detector's anchors and the
    /// reader's own phrases together (built with <see cref="InjectionDetector.AnchorPhrases"/>).
    /// </summary>
    bool HasFirstLook { get; }

    /// <summary>
    /// False only when neither one of the detector's anchors nor one of the reader's phrases can start at
    /// <paramref name="at"/> (an ASCII letter or punctuation stop other than '&lt;' and '!'): the walk then skips the
    /// stop for both. Never asked unless <see cref="HasFirstLook"/>.
    /// </summary>
    bool MayMatchAt(ReadOnlySpan<char> text, int at);

    /// <summary>Called at each stop of the walk, in text order (except the stops <see cref="MayMatchAt"/> ruled out).</summary>
    void At(ReadOnlySpan<char> text, int at);
}
