namespace AgentGuard.Policies;

/// <summary>Everything a compiled condition may look at for one call. A struct passed by reference: no allocation per call.</summary>
internal readonly struct EvaluationInput
{
    public EvaluationInput(ToolCallEvent call, GuardContext context, TagView tags, RiskLevel risk, ISessionView session, DateTimeOffset now, ITrustedValueResolver[] resolvers, Inference.ToolRoleCache roles)
    {
        Call = call;
        Context = context;
        Tags = tags;
        Risk = risk;
        Session = session;
        Now = now;
        Resolvers = resolvers;
        Roles = roles;
    }

    public ToolCallEvent Call { get; }

    public GuardContext Context { get; }

    public TagView Tags { get; }

    public RiskLevel Risk { get; }

    /// <summary>The session (history, labels, seen values) and rate limits; a view without a session has no history.</summary>
    public ISessionView Session { get; }

    public DateTimeOffset Now { get; }

    public ITrustedValueResolver[] Resolvers { get; }

    /// <summary>The engine's memory of inferred tool roles (recipient-like arguments, sinks).</summary>
    public Inference.ToolRoleCache Roles { get; }

    /// <summary>The inferred roles of this call's tool.</summary>
    public Inference.ToolRoles CallRoles => Roles.For(Call);
}
