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
    /// True when the reader offers <see cref="Look"/>: one look at a stop for the detector's anchors and the reader's own
    /// phrases together (a two-set <see cref="PhrasePrefilter"/> built with <see cref="InjectionDetector.AnchorPhrases"/> first).
    /// </summary>
    bool HasFirstLook { get; }

    /// <summary>
    /// The one look at a stop: 0 only when neither one of the detector's anchors nor one of the reader's own phrases can
    /// start at <paramref name="at"/> (the walk then skips the stop for both, unless it is '&lt;' or '!');
    /// <see cref="AnchorsMayStart"/> set when an anchor may start there (else the detector skips its own look-up); other
    /// bits are the reader's, handed back to <see cref="At"/>. Never asked unless <see cref="HasFirstLook"/>.
    /// </summary>
    int Look(ReadOnlySpan<char> text, int at);

    /// <summary>
    /// Called at each stop of the walk, in text order (except the stops <see cref="Look"/> ruled out), with the answer
    /// of <see cref="Look"/> (<see cref="Unlooked"/> when the walk did not look).
    /// </summary>
    void At(ReadOnlySpan<char> text, int at, int look);

    /// <summary>
    /// True when the reader reads only part of the assessment and may be told when it is decided (<see cref="Decided"/>):
    /// the detector's own checks stop there, the walk and <see cref="At"/> do not.
    /// </summary>
    bool StopsWhenDecided { get; }

    /// <summary>
    /// Asked after a marker's weight rose (never unless <see cref="StopsWhenDecided"/>): true when nothing the detector
    /// could still find changes what the reader reads of the assessment. Weights only rise, so a reader whose answer
    /// rises with them (a score at least some value and a marker of some kind) may say true once it holds. The weights
    /// are in the order of <see cref="InjectionDetector.MarkerNameList"/>; <see cref="InjectionDetector.ScoreOf"/> gives their score.
    /// </summary>
    bool Decided(ReadOnlySpan<double> weights);

    /// <summary>The bit of <see cref="Look"/>'s answer that says one of the detector's anchors may start at the stop.</summary>
    const int AnchorsMayStart = PhrasePrefilter.FirstSet;

    /// <summary>The look handed to <see cref="At"/> at a stop the walk did not look at: every bit set.</summary>
    const int Unlooked = -1;
}
