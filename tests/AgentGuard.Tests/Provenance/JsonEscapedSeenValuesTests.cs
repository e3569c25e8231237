namespace AgentGuard.Tests.Provenance;

/// <summary>
/// A trusted tool's JSON result vouches for the values its strings hold as they read, not as the serializer escaped
/// them: System.Text.Json writes the <c>+</c> of <c>bob+work@corp.example</c> as <c>\u002B</c> and a line break as
/// <c>\n</c>, so the address the user's directory returned was seen as <c>u002bwork@corp.example</c> and the send to it
/// was refused as if no trusted tool had given it.
/// </summary>
public sealed class JsonEscapedSeenValuesTests
{
    private const string Policy = """
    {
      "AgentGuard": {
        "Tools": { "lookup_contact": { "Trusted": true } },
        "Rules": [ { "Id": "recipient-vouched", "Effect": "Deny", "Match": { "Tools": ["send_email"] },
                     "When": { "Provenance": { "Argument": "$.to", "From": ["prompt", "trusted"] } } } ]
      }
    }
    """;

    private static async Task<Decision> SendAfter(string lookupResult, string to)
    {
        var engine = TestHost.Engine(Policy);
        var session = new GuardContext { SessionId = "s-" + Guid.NewGuid().ToString("N"), Prompt = "Send Bob the agenda." };
        var lookup = new ToolCallEvent("lookup_contact", ToolKind.Function) { Arguments = ToolArguments.FromJson("""{"name":"Bob"}"""), CallId = "c1" };
        await engine.EvaluateAsync(lookup, session);
        await engine.InspectResultAsync(lookup, session, new ToolResult(lookupResult));
        var send = new ToolCallEvent("send_email", ToolKind.Function) { Arguments = ToolArguments.FromJson($$"""{"to":"{{to}}","body":"Agenda attached."}"""), CallId = "c2" };
        return await engine.EvaluateAsync(send, session);
    }

    [Theory]
    [InlineData("""{"name":"Bob","email":"bob\u002Bwork@corp.example"}""", "bob+work@corp.example")]
    [InlineData("""{"name":"Bob","card":"Bob Stone\nbob.stone@corp.example\nSales"}""", "bob.stone@corp.example")]
    public async Task AnAddressATrustedJsonResultGave_IsVouchedFor(string lookupResult, string to)
        => (await SendAfter(lookupResult, to)).Effect.Should().Be(DecisionEffect.Allow);

    [Fact]
    public async Task AnAddressTheResultDidNotGive_IsStillRefused()
        => (await SendAfter("""{"name":"Bob","email":"bob\u002Bwork@corp.example"}""", "u002bwork@corp.example")).Effect.Should().Be(DecisionEffect.Deny);
}
