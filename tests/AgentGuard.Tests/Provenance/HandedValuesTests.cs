namespace AgentGuard.Tests.Provenance;

/// <summary>
/// A value the model handed to a tool that no prompt or trusted result had shown is remembered as untrusted when the
/// call's result comes back (<see cref="HandedValues"/>), so a trusted tool that returns it later vouches for nothing.
/// The engine is driven directly; the agent-loop cases are the M.E.AI adapter's <c>ProvenanceStoreThenReadTests</c>.
/// </summary>
public sealed class HandedValuesTests
{
    private const string Policy = """
    {
      "AgentGuard": {
        "Tools": { "save_record": { "Trusted": true }, "read_record": { "Trusted": true }, "lookup": { "Trusted": true } },
        "Rules": [
          { "Id": "payee", "Effect": "Deny", "Match": { "Tools": ["pay"] }, "When": { "Provenance": { "Argument": "$.to", "From": ["prompt", "trusted"] } } },
          { "Id": "caller", "Effect": "Deny", "Match": { "Tools": ["call"] }, "When": { "Provenance": { "Argument": "$.number", "From": ["prompt", "trusted"] } } }
        ]
      }
    }
    """;

    private static GuardContext Session(string prompt = "settle the open invoices") => new() { SessionId = "s-" + Guid.NewGuid().ToString("N"), Prompt = prompt };

    private static async Task Run(IGuardEngine engine, GuardContext session, string tool, string? arguments, string result)
    {
        var call = TestHost.Call(tool, arguments);
        await engine.EvaluateAsync(call, session);
        await engine.InspectResultAsync(call, session, new ToolResult(result));
    }

    [Fact]
    public async Task SavedAndReadBack_TheDenialSaysTheModelGaveTheValue()
    {
        var engine = TestHost.Engine(Policy);
        var session = Session();

        await Run(engine, session, "save_record", """{"payee":"GB82WEST12345698765432"}""", "saved");
        await Run(engine, session, "read_record", null, "payee GB82WEST12345698765432");
        var decision = await engine.EvaluateAsync(TestHost.Call("pay", """{"to":"GB82WEST12345698765432"}"""), session);

        decision.Effect.Should().Be(DecisionEffect.Deny);
        decision.Evidence.Should().Contain(e => e.Contains("arguments the model gave to 'save_record'", StringComparison.Ordinal));
        decision.Evidence.Should().NotContain(e => e.Contains("GB82", StringComparison.Ordinal), "evidence never carries the value");
    }

    [Theory]
    [InlineData("""{"entries":{"GB82WEST12345698765432":"rent"}}""", "pay", """{"to":"GB82WEST12345698765432"}""", "a map keyed by the value")]
    [InlineData("""{"contact":{"phone":"+44 20 7946 0958"}}""", "call", """{"number":"+44 20 7946 0958"}""", "a phone number in a nested object")]
    [InlineData("""{"payees":["ok@example.org","GB82WEST12345698765432"]}""", "pay", """{"to":"GB82WEST12345698765432"}""", "an array's second item")]
    public async Task ValueHandedAnywhereInTheArguments_IsNotLaunderedByTheReadBack(string saved, string tool, string arguments, string because)
    {
        var engine = TestHost.Engine(Policy);
        var session = Session();

        await Run(engine, session, "save_record", saved, "saved");
        await Run(engine, session, "read_record", null, "record: GB82WEST12345698765432 +44 20 7946 0958 ok@example.org");

        (await engine.EvaluateAsync(TestHost.Call(tool, arguments), session)).Effect.Should().Be(DecisionEffect.Deny, because);
    }

    [Theory]
    [InlineData("G B 8 2 W E S T 1 2 3 4 5 6 9 8 7 6 5 4 3 2")]
    [InlineData("GB.82.WEST.1234.5698.7654.32")]
    [InlineData("gb82_west_1234_5698_7654_32")]
    public async Task ValueHandedInAFormNoReaderTakesForIt_ThatTheStoreReturnsCompact_IsNotLaundered(string handed)
    {
        // The model hands the IBAN over letter by letter or oddly grouped; the store keeps it compact and reads it back
        // so. The compact form of what the model handed is the model's too.
        var engine = TestHost.Engine(Policy);
        var session = Session();

        await Run(engine, session, "save_record", $$"""{"payee":"{{handed}}"}""", "saved");
        await Run(engine, session, "read_record", null, "payee GB82WEST12345698765432");

        (await engine.EvaluateAsync(TestHost.Call("pay", """{"to":"GB82WEST12345698765432"}"""), session)).Effect.Should().Be(DecisionEffect.Deny);
    }

    [Fact]
    public async Task ValueTheLookupProduced_HandedOnAndReadBack_StaysVouched()
    {
        var engine = TestHost.Engine(Policy);
        var session = Session();

        await Run(engine, session, "lookup", """{"name":"ACME"}""", "ACME: GB82WEST12345698765432");
        await Run(engine, session, "save_record", """{"payee":"GB82WEST12345698765432"}""", "saved");
        await Run(engine, session, "read_record", null, "payee GB82WEST12345698765432");

        (await engine.EvaluateAsync(TestHost.Call("pay", """{"to":"GB82WEST12345698765432"}"""), session)).Effect.Should().Be(DecisionEffect.Allow);
    }

    [Fact]
    public async Task ValueTheUserGave_HandedOnAndReadBack_StaysVouched()
    {
        var engine = TestHost.Engine(Policy);
        var session = Session("pay GB82 WEST 1234 5698 7654 32 for the rent");

        await Run(engine, session, "save_record", """{"payee":"GB82WEST12345698765432"}""", "saved");
        await Run(engine, session, "read_record", null, "payee GB82WEST12345698765432");

        (await engine.EvaluateAsync(TestHost.Call("pay", """{"to":"GB82WEST12345698765432"}"""), session)).Effect.Should().Be(DecisionEffect.Allow);
    }

    [Fact]
    public async Task OtherValuesOfTheReadBack_StillVouch()
    {
        // Only what the model handed over is held back: the record's own values (an IBAN the store keeps for the payee)
        // are a trusted sighting as before.
        var engine = TestHost.Engine(Policy);
        var session = Session();

        await Run(engine, session, "save_record", """{"payee":"ACME Supplies"}""", "saved");
        await Run(engine, session, "read_record", null, "ACME Supplies: GB82WEST12345698765432");

        (await engine.EvaluateAsync(TestHost.Call("pay", """{"to":"GB82WEST12345698765432"}"""), session)).Effect.Should().Be(DecisionEffect.Allow);
    }
}
