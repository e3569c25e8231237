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

    private string Key(in EvaluationInput input) => scope switch
    {
        Scope.Session => "s:" + (input.Context.SessionId ?? string.Empty),
        Scope.User => "u:" + (input.Context.User?.Id ?? string.Empty),
        Scope.Tool => "t:" + input.Call.ToolName,
        _ => "g",
    };
}
