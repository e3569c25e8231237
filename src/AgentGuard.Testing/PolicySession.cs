namespace AgentGuard.Testing;

/// <summary>
/// A scripted session: earlier calls go through the engine (so sequence rules, rate limits and "only allowed" counting
/// behave as in production), results go through the result hook, labels and time can be set directly.
/// </summary>
public sealed class PolicySession
{
    private readonly PolicyTestHost _host;
    private int _calls;

    internal PolicySession(PolicyTestHost host, GuardContext context)
    {
        _host = host;
        Context = context;
    }

    /// <summary>The session's facts; <see cref="WithPrompt"/> changes the prompt for later calls.</summary>
    public GuardContext Context { get; private set; }

    /// <summary>The session id.</summary>
    public string Id => Context.SessionId!;

    /// <summary>The outcome of every call made in this session, in order.</summary>
    public List<PolicyOutcome> History { get; } = [];

    /// <summary>Sets what the user typed; provenance rules accept values seen in it.</summary>
    public PolicySession WithPrompt(string prompt)
    {
        Context = Context with { Prompt = prompt };
        return this;
    }

    /// <summary>Adds labels as a result hook would have (e.g. <c>untrusted</c>).</summary>
    public PolicySession WithLabels(params string[] labels)
    {
        _host.Workbench.AddSessionLabels(Id, labels);
        return this;
    }

    /// <summary>Moves the engine's clock forward.</summary>
    public PolicySession Advance(TimeSpan time)
    {
        _host.Clock.Advance(time);
        return this;
    }

    /// <summary>The labels the session has accumulated.</summary>
    public IReadOnlyList<string> Labels => _host.Workbench.SessionLabels(Id);

    /// <summary>Decides a call in this session; when allowed and <paramref name="result"/> is given, runs the result hook on it.</summary>
    public async ValueTask<PolicyOutcome> CallAsync(ToolCallEvent toolCall, string? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(toolCall);
        var call = toolCall.CallId is null ? toolCall with { CallId = $"{Id}-call-{++_calls}" } : toolCall;
        var outcome = await _host.DecideCoreAsync(call, Context, cancellationToken).ConfigureAwait(false);
        History.Add(outcome);
        if (result is not null && outcome.Decision.IsAllowed)
        {
            await _host.Engine.InspectResultAsync(call, Context, new ToolResult(result), cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>Decides a call of <paramref name="toolName"/> with JSON arguments in this session.</summary>
    public ValueTask<PolicyOutcome> CallAsync(string toolName, string? argumentsJson = null, string? result = null, ToolKind kind = ToolKind.Function, CancellationToken cancellationToken = default)
        => CallAsync(PolicyTestHost.Call(toolName, argumentsJson, kind), result, cancellationToken);
}
