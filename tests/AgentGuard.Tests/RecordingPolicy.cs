namespace AgentGuard.Tests;

/// <summary>A code policy that records what the engine showed it, and optionally returns a verdict, throws or stalls.</summary>
internal sealed class RecordingPolicy(string id = "recorder") : IGuardPolicy
{
    public List<PolicyEvaluationContext> Seen { get; } = [];

    public Func<PolicyEvaluationContext, CancellationToken, ValueTask<PolicyVerdict>>? Behaviour { get; set; }

    public FailureMode Mode { get; set; } = FailureMode.Auto;

    public TimeSpan? Budget { get; set; }

    public string Id => id;

    FailureMode IGuardPolicy.OnError => Mode;

    TimeSpan? IGuardPolicy.Timeout => Budget;

    public ValueTask<PolicyVerdict> EvaluateAsync(PolicyEvaluationContext context, CancellationToken cancellationToken)
    {
        lock (Seen)
        {
            Seen.Add(context);
        }

        return Behaviour?.Invoke(context, cancellationToken) ?? new ValueTask<PolicyVerdict>(PolicyVerdict.NotApplicable);
    }
}
