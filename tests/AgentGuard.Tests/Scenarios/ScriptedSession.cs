namespace AgentGuard.Tests.Scenarios;

/// <summary>
/// Replays an agent's tool calls through the real engine the way an adapter does: evaluate the call, run the tool
/// only when allowed (a counter stands in for its side effect), then hand its result to the result hook.
/// </summary>
internal sealed class ScriptedSession(IGuardEngine engine, string sessionId, string prompt)
{
    private readonly GuardContext _context = new() { SessionId = sessionId, Prompt = prompt, User = new GuardUser("alice") };
    private int _callIds;

    /// <summary>Tools that actually ran, in order.</summary>
    public List<string> Executed { get; } = [];

    /// <summary>Every decision that was not a plain allow.</summary>
    public List<Decision> Interruptions { get; } = [];

    public async Task<Decision> CallAsync(string tool, string argumentsJson, string? result = null, ToolKind kind = ToolKind.Function)
    {
        var call = new ToolCallEvent(tool, kind) { Arguments = ToolArguments.FromJson(argumentsJson), CallId = "call-" + ++_callIds };
        var decision = await engine.EvaluateAsync(call, _context);
        if (!decision.IsAllowed)
        {
            Interruptions.Add(decision);
            return decision;
        }

        Executed.Add(tool);
        if (result is not null)
        {
            await engine.InspectResultAsync(call, _context, new ToolResult(result));
        }

        return decision;
    }
}
