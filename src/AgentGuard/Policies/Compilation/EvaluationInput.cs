namespace AgentGuard.Policies;

/// <summary>Everything a compiled condition may look at for one call. A struct passed by reference: no allocation per call.</summary>
internal readonly struct EvaluationInput
{
    public EvaluationInput(ToolCallEvent call, GuardContext context, TagView tags, RiskLevel risk, SessionState? session, DateTimeOffset now, RateLimiterStore rateLimits, ITrustedValueResolver[] resolvers)
    {
        Call = call;
        Context = context;
        Tags = tags;
        Risk = risk;
        Session = session;
        Now = now;
        RateLimits = rateLimits;
        Resolvers = resolvers;
    }

    public ToolCallEvent Call { get; }

    public GuardContext Context { get; }

    public TagView Tags { get; }

    public RiskLevel Risk { get; }

    public SessionState? Session { get; }

    public DateTimeOffset Now { get; }

    public RateLimiterStore RateLimits { get; }

    public ITrustedValueResolver[] Resolvers { get; }
}
