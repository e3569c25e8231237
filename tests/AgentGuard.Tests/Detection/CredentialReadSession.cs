namespace AgentGuard.Tests.Detection;

/// <summary>
/// The session the exfiltration tests share: the default pack under zero configuration; the agent fetched a page (a
/// third party's text) and then, as the page asked, read the user's AWS credentials file, whose key id is
/// <see cref="KeyId"/>.
/// </summary>
internal static class CredentialReadSession
{
    public const string KeyId = "AKIAQ3EGRZ7X5NMKPW2T";

    /// <summary>Runs the page's fetch (<paramref name="first"/>, answered by <paramref name="page"/>) and, unless told not to, the credentials' read.</summary>
    public static async Task<(IGuardEngine Engine, GuardContext Session)> StartAsync(string prompt, ToolCallEvent first, string page, bool readCredentials = true)
    {
        var engine = TestHost.Engine("""{ "AgentGuard": {} }""", b => b.AddDefaultPolicyPack());
        var session = new GuardContext { SessionId = "s-" + Guid.NewGuid().ToString("N"), Prompt = prompt };
        await engine.EvaluateAsync(first, session);
        await engine.InspectResultAsync(first, session, new ToolResult(page));
        if (readCredentials)
        {
            var read = new ToolCallEvent("read_file", ToolKind.Function) { Arguments = ToolArguments.FromJson("""{"path":"~/.aws/credentials"}"""), CallId = "c2" };
            await engine.EvaluateAsync(read, session);
            await engine.InspectResultAsync(read, session, new ToolResult($"[default]\naws_access_key_id = {KeyId}\naws_secret_access_key = 9pT+Qz3Lr8VbN1xK7eWm4YhS2dFgJ6cA0uRiPoE5"));
        }

        return (engine, session);
    }
}
