using System.Text.RegularExpressions;

namespace AgentGuard;

/// <summary>
/// A check whose patterns have a match time-out, run again once when a pattern runs out of time. The time-out is wall-clock
/// time: a pause of the whole process (the first compilation of a generated pattern, a garbage collection, a loaded host's
/// scheduler) can stop a bounded match past its budget, and a check skipped for that reason would let an injection or a
/// secret through on the first call of a fresh process. Input built to be slow runs out of time again, and the caller
/// decides what an undecided check means (never "nothing found").
/// </summary>
internal static class PatternDeadline
{
    /// <summary>Runs <paramref name="check"/>, once more if a pattern ran out of time; false when it ran out of time twice.</summary>
    public static bool Run<TCheck>(ref TCheck check)
        where TCheck : IPatternCheck, allows ref struct
    {
        try
        {
            check.Run();
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            check.Undo();
        }

        try
        {
            check.Run();
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            check.Undo();
            return false;
        }
    }
}

/// <summary>One check run under <see cref="PatternDeadline"/>.</summary>
internal interface IPatternCheck
{
    /// <summary>Runs the check; may throw <see cref="RegexMatchTimeoutException"/>.</summary>
    void Run();

    /// <summary>Takes back what a run that ran out of time had already added (before the check is run again).</summary>
    void Undo();
}
