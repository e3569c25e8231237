namespace AgentGuard;

internal static partial class SecretFormats
{
    /// <summary>The kind of a finding at an anchor whose format could not be decided in time.</summary>
    public const string UndecidedKind = "undecided-token";

    /// <summary>
    /// <see cref="Match"/> under <see cref="PatternDeadline"/>: run once more when a pattern ran out of time, and when it
    /// runs out of time again, the token at the anchor is reported as a secret of kind <see cref="UndecidedKind"/> (it is
    /// redacted and alerted on rather than let through). Returns where scanning may resume.
    /// </summary>
    public static int MatchInTime(string text, int at, List<SecretFinding> found)
    {
        var check = new FormatCheck(text, at, found);
        if (PatternDeadline.Run(ref check))
        {
            return check.Resume;
        }

        var end = at;
        while (end < text.Length && end - at < MaxUndecidedLength && IsTokenChar(text[end]))
        {
            end++;
        }

        found.Add(new SecretFinding(UndecidedKind, at, Math.Max(end - at, 1)));
        return Math.Max(end, at + 1);
    }

    /// <summary>The longest token an undecided anchor reports (a credential; a longer run is text, not a key).</summary>
    private const int MaxUndecidedLength = 4096;

    /// <summary>One anchor's <see cref="Match"/>; a run that ran out of time takes back the findings it had added.</summary>
    private struct FormatCheck(string text, int at, List<SecretFinding> found) : IPatternCheck
    {
        private readonly int _before = found.Count;

        public int Resume { get; private set; } = at + 1;

        public void Run() => Resume = Match(text, at, found);

        public readonly void Undo() => found.RemoveRange(_before, found.Count - _before);
    }
}
