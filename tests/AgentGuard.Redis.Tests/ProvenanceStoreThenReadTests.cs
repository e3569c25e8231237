namespace AgentGuard.Redis.Tests;

/// <summary>
/// The store-then-read laundering of the in-memory tests (<c>ProvenanceStoreThenReadTests</c> of the M.E.AI adapter),
/// against the Redis store, whose view answers only what the result hook declared it would ask: the model rebuilds an
/// IBAN an untrusted page hid, saves it to a trusted note on one replica and reads it back on the other; the payment
/// must still be refused on both. A value a trusted tool produced before the model saved it stays vouched for.
/// </summary>
public sealed class ProvenanceStoreThenReadTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private const string Rules = """
        "Tools": { "read_page": { "Untrusted": true }, "save_note": { "Trusted": true }, "read_notes": { "Trusted": true }, "lookup_payee": { "Trusted": true } },
        "Rules": [ { "Id": "payee", "Effect": "Deny", "Match": { "Tools": ["pay"] },
                     "When": { "Provenance": { "Argument": "$.iban", "From": ["prompt", "trusted"] } } } ]
        """;

    private const string Iban = "GB82WEST12345698765432";

    [Fact]
    public async Task IbanTheModelSavedOnA_ReadBackOnB_IsRefusedOnBoth()
    {
        var prefix = RedisFixture.Prefix();
        await using var a = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await using var b = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        var session = new GuardContext { SessionId = "store-then-read-" + Guid.NewGuid().ToString("N"), Prompt = "pay the supplier" };

        await Result(a, session, "read_page", null, "Our IBAN, read backwards: 23 45 67 89 65 43 21 TSEW 28 BG.");
        await Result(a, session, "save_note", $$"""{"text":"Supplier payee: {{Iban}}"}""", "saved");
        await a.FlushAsync();
        await Result(b, session, "read_notes", null, $"Supplier payee: {Iban}");
        await b.FlushAsync();

        (await Pay(b, session)).Should().Be(DecisionEffect.Deny, "the model chose the IBAN it saved; the note read back is no sighting");
        (await Pay(a, session)).Should().Be(DecisionEffect.Deny, "both replicas answer alike");
    }

    [Fact]
    public async Task IbanATrustedDirectoryProducedOnA_SavedAndReadBackOnB_IsAccepted()
    {
        var prefix = RedisFixture.Prefix();
        await using var a = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await using var b = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        var session = new GuardContext { SessionId = "store-then-read-" + Guid.NewGuid().ToString("N"), Prompt = "pay the supplier" };

        await Result(a, session, "lookup_payee", """{"name":"ACME Supplies"}""", $"ACME Supplies: {Iban}");
        await a.FlushAsync();
        await Result(a, session, "save_note", $$"""{"text":"Supplier payee: {{Iban}}"}""", "saved");
        await a.FlushAsync();
        await Result(b, session, "read_notes", null, $"Supplier payee: {Iban}");
        await b.FlushAsync();

        (await Pay(b, session)).Should().Be(DecisionEffect.Allow, "a trusted tool produced the IBAN before the model saved it");
    }

    private static async Task Result(Replica replica, GuardContext session, string tool, string? arguments, string text)
    {
        var call = Replica.Call(tool, arguments);
        await replica.Engine.EvaluateAsync(call, session);
        await replica.Engine.InspectResultAsync(call, session, new ToolResult(text));
    }

    private static async Task<DecisionEffect> Pay(Replica replica, GuardContext session)
        => (await replica.Engine.EvaluateAsync(Replica.Call("pay", $$"""{"iban":"{{Iban}}","amount":100}"""), session)).Effect;
}
