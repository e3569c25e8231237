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

    /// <summary>Called at each stop of the walk, in text order.</summary>
    void At(ReadOnlySpan<char> text, int at);
}
