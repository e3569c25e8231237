namespace AgentGuard.Tests.Soundness;

/// <summary>
/// Provenance remembers the values a session saw with the origin of their first sighting, so a trusted tool's echo
/// does not launder a value an untrusted page gave first. An attacker pads the untrusted page so the value lies in a
/// part the session does not remember; the echo must still not launder it.
/// </summary>
public sealed class ProvenancePaddingAttackTests
{
    private const string Policy = """
    {
      "AgentGuard": {
        "Tools": { "web_fetch": { "Untrusted": true } },
        "Rules": [ { "Id": "payee", "Effect": "Deny", "Match": { "Tools": ["pay"] },
                     "When": { "Provenance": { "Argument": "$.to" } } } ]
      }
    }
    """;

    private const string Iban = "GB33 BUKB 2020 1555 5555 55";

    private static string Padding(int length)
    {
        const string Line = "Our catalogue lists every product with its price, size and colour in the table below.\n";
        return string.Concat(Enumerable.Repeat(Line, (length / Line.Length) + 1))[..length];
    }

    [Theory]
    [InlineData(0)]
    [InlineData(300 * 1024)]
    [InlineData(900 * 1024)]
    public async Task UntrustedValueAtTheHeadOfAPaddedPage_IsNotLaunderedByATrustedEcho(int padding)
    {
        var engine = TestHost.Engine(Policy);
        var context = new GuardContext { SessionId = $"padded-{padding}", Prompt = "pay the supplier" };
        var fetch = TestHost.Call("web_fetch");
        await engine.EvaluateAsync(fetch, context);
        await engine.InspectResultAsync(fetch, context, new ToolResult($"Supplier IBAN: {Iban}\n" + Padding(padding)));
        var contacts = TestHost.Call("create_contact");
        await engine.EvaluateAsync(contacts, context);
        await engine.InspectResultAsync(contacts, context, new ToolResult($"Contact created with IBAN {Iban}"));

        var pay = await engine.EvaluateAsync(TestHost.Call("pay", """{"to":"GB33BUKB20201555555555"}"""), context);

        pay.Effect.Should().Be(DecisionEffect.Deny, "the page gave the value first, however long the page");
    }

    [Fact]
    public async Task ATrustedValue_AfterAPaddedUntrustedPage_IsStillAccepted()
    {
        var engine = TestHost.Engine(Policy);
        var context = new GuardContext { SessionId = "padded-then-trusted", Prompt = "pay the supplier from my contacts" };
        var fetch = TestHost.Call("web_fetch");
        await engine.EvaluateAsync(fetch, context);
        await engine.InspectResultAsync(fetch, context, new ToolResult("Supplier IBAN: FR76 3000 6000 0112 3456 7890 189\n" + Padding(300 * 1024)));
        var contacts = TestHost.Call("contacts");
        await engine.EvaluateAsync(contacts, context);
        await engine.InspectResultAsync(contacts, context, new ToolResult("Supplier: DE44 5001 0517 5407 3249 31"));

        (await engine.EvaluateAsync(TestHost.Call("pay", """{"to":"DE44500105175407324931"}"""), context)).Effect.Should().Be(DecisionEffect.Allow);
    }
}
