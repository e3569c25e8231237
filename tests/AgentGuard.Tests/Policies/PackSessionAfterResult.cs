namespace AgentGuard.Tests.Policies;

/// <summary>
/// A session under the default policy pack: the user's prompt, one read whose result the engine inspects, then the
/// call the result may have chosen, decided.
/// </summary>
internal static class PackSessionAfterResult
{
    public static async Task<Decision> Decide(string prompt, string reader, string result, string tool, string arguments = "{}")
    {
        var engine = TestHost.Engine("""{ "AgentGuard": {} }""", b => b.AddDefaultPolicyPack());
        var session = new GuardContext { SessionId = "s-" + Guid.NewGuid().ToString("N"), Prompt = prompt };
        var read = new ToolCallEvent(reader, ToolKind.Function) { Arguments = ToolArguments.Empty, CallId = "c1" };
        await engine.EvaluateAsync(read, session);
        await engine.InspectResultAsync(read, session, new ToolResult(result));
        var call = new ToolCallEvent(tool, ToolKind.Function) { Arguments = ToolArguments.FromJson(arguments), CallId = "c2" };
        return await engine.EvaluateAsync(call, session);
    }
}
