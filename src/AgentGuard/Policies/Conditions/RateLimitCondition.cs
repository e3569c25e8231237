namespace AgentGuard.Policies;

/// <summary><c>When.RateLimit</c>: holds for the calls beyond <c>Max</c> within the sliding window <c>Per</c>.</summary>
internal sealed class RateLimitCondition(string ruleId, int max, TimeSpan window, RateLimitCondition.Scope scope, string evidence) : Condition
{
    public enum Scope
    {
        Session,
        User,
        Tool,
        Global,
    }

    public override string Evidence => evidence;

    public override int Order => 10;

    public override bool IsMet(in EvaluationInput input)
    {
        var count = input.Session.HitRateLimit(ruleId, Key(in input), input.Now, window);
        return count > max;
    }

    public override void DeclareReads(in EvaluationInput input, SessionReads reads)
        => reads.RateLimits.Add(new RateLimitRead(ruleId, Key(in input), window));

    /// <summary>
    /// The counter's key. User ids and tool names are folded to upper case as <see cref="StringComparison.OrdinalIgnoreCase"/>
    /// compares them, as the rules match them: otherwise <c>EXPORT</c>, <c>Export</c> and <c>export</c> would each get a
    /// quota of their own. Session ids are opaque and kept as given, as the session store keeps them.
    /// </summary>
    private string Key(in EvaluationInput input) => scope switch
    {
        Scope.Session => "s:" + (input.Context.SessionId ?? string.Empty),
        Scope.User => Folded('u', input.Context.User?.Id ?? string.Empty),
        Scope.Tool => Folded('t', input.Call.ToolName),
        _ => "g",
    };

    private static string Folded(char kind, string value)
        => string.Create(value.Length + 2, (kind, value), static (key, state) =>
        {
            key[0] = state.kind;
            key[1] = ':';
            state.value.AsSpan().ToUpperInvariant(key[2..]);
        });
}
