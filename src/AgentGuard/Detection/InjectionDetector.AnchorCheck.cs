namespace AgentGuard;

internal sealed partial class InjectionDetector
{
    /// <summary>
    /// The weight of <see cref="Marker.Undecided"/>: a check whose pattern ran out of time twice reaches the default
    /// threshold on its own, so text built to keep a pattern busy is treated as suspect, not as clean.
    /// </summary>
    private const double UndecidedWeight = 0.5;

    /// <summary>The family's check at one anchor, as <see cref="PatternDeadline"/> runs it.</summary>
    private readonly ref struct AnchorCheck(ReadOnlySpan<char> text, int at, string anchor, Family family, Span<double> weights) : IPatternCheck
    {
        private readonly ReadOnlySpan<char> _text = text;
        private readonly Span<double> _weights = weights;

        public void Run() => Check(_text, at, anchor, family, _weights);

        /// <summary>Nothing to take back: weights only rise, and what a run raised before it ran out of time was found.</summary>
        public void Undo()
        {
        }
    }
}
