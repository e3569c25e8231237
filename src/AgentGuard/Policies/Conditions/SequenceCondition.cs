namespace AgentGuard.Policies;

/// <summary>
/// <c>When.Sequence</c>: at least N calls matching by name or tag among the session's recent calls, counting the
/// current call when it matches too. "Three exports within five minutes", "a read of sensitive data, then a send".
/// </summary>
internal sealed class SequenceCondition(GlobSet tools, string[] tags, int atLeast, int withinCalls, TimeSpan? within, bool excludeDenied, string evidence) : Condition, ICallPattern
{
    public override string Evidence => evidence;

    public override int Order => 2;

    public bool Matches(string toolName, IReadOnlyList<string> recordTags)
    {
        if (!tools.IsEmpty && tools.IsMatch(toolName))
        {
            return true;
        }

        if (tags.Length == 0)
        {
            return tools.IsEmpty;
        }

        return AnyIn(recordTags, tags);
    }

    public override bool IsMet(in EvaluationInput input)
    {
        var current = (!tools.IsEmpty && tools.IsMatch(input.Call.ToolName)) || (tags.Length > 0 && input.Tags.ContainsAny(tags)) ? 1 : 0;
        var needed = atLeast - current;
        if (needed <= 0)
        {
            return true;
        }

        if (input.Session.SessionId is null)
        {
            return false;
        }

        var since = within is { } window ? input.Now - window : DateTimeOffset.MinValue;
        return input.Session.CountRecent(this, withinCalls, since, excludeDenied, needed) >= needed;
    }

    /// <summary>Reads up to <c>WithinCalls</c> recent calls (all kept calls when unbounded).</summary>
    public override void DeclareReads(in EvaluationInput input, SessionReads reads)
        => reads.HistoryDepth = Math.Max(reads.HistoryDepth, withinCalls > 0 ? withinCalls : int.MaxValue);
}
