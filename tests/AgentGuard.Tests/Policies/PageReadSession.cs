namespace AgentGuard.Tests.Policies;

/// <summary>
/// The session the "after a page" attacker tests share: the default pack under zero configuration; the agent fetched a
/// page (a third party's text, so the session is labelled untrusted), and then makes the call under test.
/// </summary>
internal static class PageReadSession
{
    /// <summary>Fetches <paramref name="url"/> with <paramref name="reader"/>, answered by <paramref name="page"/>, then decides <paramref name="tool"/> (described by <paramref name="descriptor"/>, if given) with <paramref name="arguments"/>.</summary>
    public static async Task<Decision> CallAfterAsync(string prompt, string page, string tool, string arguments, string url = "https://blog.example/latest", string reader = "fetch_url", ToolDescriptor? descriptor = null)
    {
        var engine = TestHost.Engine("""{ "AgentGuard": {} }""", b => b.AddDefaultPolicyPack());
        var session = new GuardContext { SessionId = "s-" + Guid.NewGuid().ToString("N"), Prompt = prompt };
        var read = new ToolCallEvent(reader, ToolKind.Function) { Arguments = ToolArguments.FromJson($$"""{"url":"{{url}}"}"""), CallId = "c1" };
        await engine.EvaluateAsync(read, session);
        await engine.InspectResultAsync(read, session, new ToolResult(page));
        return await engine.EvaluateAsync(new ToolCallEvent(tool, ToolKind.Function) { Arguments = ToolArguments.FromJson(arguments), CallId = "c2", Descriptor = descriptor }, session);
    }
}
