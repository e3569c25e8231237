namespace AgentGuard.Redis.Tests;

/// <summary>A code policy that keeps the last session snapshot it was given (the whole shared session, as Redis held it).</summary>
internal sealed class LastSessionPolicy : IGuardPolicy
{
    public SessionSnapshot? Last { get; private set; }

    public string Id => "last-session";

    public ValueTask<PolicyVerdict> EvaluateAsync(PolicyEvaluationContext context, CancellationToken cancellationToken)
    {
        Last = context.Session;
        return ValueTask.FromResult(PolicyVerdict.NotApplicable);
    }
}
