using AgentGuard.Policies;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Infrastructure;

/// <summary>
/// What tools that test, explain and replay policies (<c>AgentGuard.Testing</c>, the <c>agentguard</c> CLI) need beyond
/// <see cref="IGuardEngine"/>, over a service provider in which <c>AddAgentGuard</c> was called: seeding session labels
/// and explaining a call. Nothing here is on the decision path of an application.
/// </summary>
public sealed class PolicyWorkbench
{
    private readonly IServiceProvider _services;
    private readonly PolicyProvider _policies;
    private readonly SessionStore _sessions;
    private readonly IToolClassifier[] _classifiers;

    private PolicyWorkbench(IServiceProvider services)
    {
        _services = services;
        _policies = services.GetRequiredService<PolicyProvider>();
        _sessions = services.GetRequiredService<SessionStore>();
        _classifiers = [.. services.GetServices<IToolClassifier>()];
        Engine = services.GetRequiredService<IGuardEngine>();
    }

    /// <summary>The engine of the service provider.</summary>
    public IGuardEngine Engine { get; }

    /// <summary>The options of the policy in force.</summary>
    public AgentGuardOptions Options => _policies.Current.Options;

    /// <summary>Wraps the AgentGuard services of a provider in which <c>AddAgentGuard</c> was called.</summary>
    /// <exception cref="AgentGuardPolicyException">The policy is invalid; <see cref="AgentGuardPolicyException.Errors"/> lists every problem.</exception>
    /// <exception cref="InvalidOperationException"><c>AddAgentGuard</c> was not called.</exception>
    public static PolicyWorkbench For(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new PolicyWorkbench(services);
    }

    /// <summary>Copies every setting of <paramref name="source"/> to <paramref name="target"/> (to register options built in code).</summary>
    public static void CopyOptions(AgentGuardOptions source, AgentGuardOptions target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        target.Mode = source.Mode;
        target.DefaultDecision = source.DefaultDecision;
        target.OnError = source.OnError;
        target.EvaluationTimeout = source.EvaluationTimeout;
        target.RiskyTags = source.RiskyTags;
        target.NameToolInModelMessage = source.NameToolInModelMessage;
        target.Tools = source.Tools;
        target.Rules = source.Rules;
        target.Context = source.Context;
        target.Sessions = source.Sessions;
        target.Arguments = source.Arguments;
        target.Approval = source.Approval;
        target.Audit = source.Audit;
        target.Detection = source.Detection;
    }

    /// <summary>Adds labels to a session, as a result hook would have (e.g. <c>untrusted</c> after reading a web page).</summary>
    public void AddSessionLabels(string sessionId, IEnumerable<string> labels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        ArgumentNullException.ThrowIfNull(labels);
        _sessions.GetOrCreate(sessionId, _policies.Current).AddLabels(labels.Where(l => !string.IsNullOrWhiteSpace(l)));
    }

    /// <summary>The labels a session has accumulated.</summary>
    public IReadOnlyList<string> SessionLabels(string sessionId)
        => _sessions.Find(sessionId) is { } session ? [.. session.Snapshot().Labels] : [];

    /// <summary>
    /// Explains one call: traces every rule against it (without counting it anywhere), then decides it with the engine,
    /// which records it in its session like any other call.
    /// </summary>
    public async ValueTask<PolicyExplanation> ExplainAsync(ToolCallEvent toolCall, GuardContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(toolCall);
        ArgumentNullException.ThrowIfNull(context);
        var policy = _policies.Current;
        var trace = new PolicyTracer(policy, _sessions, _classifiers, _services.GetRequiredService<IRateLimitStore>(), [.. _services.GetServices<ITrustedValueResolver>()], _services.GetRequiredService<TimeProvider>(), _services.GetRequiredService<Inference.ToolRoleCache>());
        var traced = trace.Trace(toolCall, context);
        var decision = await Engine.EvaluateAsync(toolCall, context, cancellationToken).ConfigureAwait(false);
        var rules = traced.Rules.Select(r => PolicyTracer.Settle(r, decision)).ToArray();
        return new PolicyExplanation
        {
            ToolName = toolCall.ToolName,
            Kind = toolCall.Kind,
            Source = toolCall.Source,
            Tags = traced.Tags,
            Risk = traced.Risk,
            Rules = rules,
            Decision = decision,
            Precedence = PolicyTracer.DescribePrecedence(policy, rules, decision),
        };
    }
}
