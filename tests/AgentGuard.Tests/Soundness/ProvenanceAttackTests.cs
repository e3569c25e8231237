namespace AgentGuard.Tests.Soundness;

/// <summary>
/// Provenance compares whole values of the argument's kind with what the session saw. Each test is an attempt to pass
/// a value the user never gave — built from fragments, truncated, a prefix, disguised — and its legitimate twin: the
/// user's own value in another format must still pass.
/// </summary>
public sealed class ProvenanceAttackTests
{
    private const string Policy = """
    {
      "AgentGuard": {
        "Rules": [ { "Id": "payee-from-user", "Effect": "Deny", "Match": { "Tools": ["pay"] },
                     "When": { "Provenance": { "Argument": "$.to", "From": ["prompt"] } } } ]
      }
    }
    """;

    private static async Task<DecisionEffect> Pay(string prompt, string to)
    {
        var engine = TestHost.Engine(Policy);
        var call = TestHost.Call("pay", System.Text.Json.JsonSerializer.Serialize(new { to }));
        return (await engine.EvaluateAsync(call, new GuardContext { Prompt = prompt })).Effect;
    }

    [Theory]
    [InlineData("Please pay Bob, his address is bob at example dot com", "bob@example.com")]
    [InlineData("Send the summary to the team at example.com, cc Bob", "bob@example.com")]
    [InlineData("my colleague evil and the corp store", "evilcorp")]
    [InlineData("pay the invoice 4711 of Lindqvist", "Lindqvist 4711")]
    public async Task Fragments_ValueAssembledFromPiecesOfThePrompt_IsDenied(string prompt, string attackerValue)
        => (await Pay(prompt, attackerValue)).Should().Be(DecisionEffect.Deny);

    [Theory]
    [InlineData("DE89 3704 0044 0532")]
    [InlineData("DE89370400440532013")]
    [InlineData("DE89 3704 0044 0532 0130 001")]
    [InlineData("DE89-3704-0044-0532")]
    [InlineData("DE89-3704-0044-0532-0130-001")]
    public async Task Iban_TruncatedOrExtended_IsDenied(string attackerValue)
        => (await Pay("Pay the rent to DE89 3704 0044 0532 0130 00 please", attackerValue)).Should().Be(DecisionEffect.Deny);

    [Theory]
    [InlineData("DE89370400440532013000")]
    [InlineData("de89 3704 0044 0532 0130 00")]
    [InlineData("DE89 3704 0044 0532 0130 00")]
    [InlineData("DE89-3704-0044-0532-0130-00")]
    public async Task Iban_UsersValueInAnotherFormat_IsAllowed(string value)
        => (await Pay("Pay the rent to DE89 3704 0044 0532 0130 00 please", value)).Should().Be(DecisionEffect.Allow);

    [Theory]
    [InlineData("alice@corp.com", DecisionEffect.Allow)]
    [InlineData("Alice@Corp.COM", DecisionEffect.Allow)]
    [InlineData("alice+billing@corp.com", DecisionEffect.Allow)]
    [InlineData("alice@corp.co", DecisionEffect.Deny)]
    [InlineData("alice@corp.com.evil.io", DecisionEffect.Deny)]
    [InlineData("lice@corp.com", DecisionEffect.Deny)]
    [InlineData("alice@evil.com", DecisionEffect.Deny)]
    public async Task Email_SubAddressAndCaseNormalised_OtherAddressesDenied(string value, DecisionEffect expected)
        => (await Pay("Forward the receipt to alice+receipts@corp.com", value)).Should().Be(expected);

    [Theory]
    [InlineData("example.com/pay", DecisionEffect.Allow)]
    [InlineData("https://example.com/pay/", DecisionEffect.Allow)]
    [InlineData("HTTP://WWW.EXAMPLE.COM/pay", DecisionEffect.Allow)]
    [InlineData("https://example.com/pay/evil", DecisionEffect.Deny)]
    [InlineData("https://example.com.evil.io/pay", DecisionEffect.Deny)]
    [InlineData("https://example.com", DecisionEffect.Deny)]
    public async Task Url_SchemeHostCaseAndSlashNormalised_OtherPathsAndHostsDenied(string value, DecisionEffect expected)
        => (await Pay("Use the form at https://www.example.com/pay/ to settle it", value)).Should().Be(expected);

    [Theory]
    [InlineData("+1 555 010 2030", DecisionEffect.Allow)]
    [InlineData("15550102030", DecisionEffect.Allow)]
    [InlineData("001 555 010 2030", DecisionEffect.Allow)]
    [InlineData("5550102", DecisionEffect.Deny)]
    [InlineData("+1 555 010 2031", DecisionEffect.Deny)]
    public async Task Phone_SeparatorsNormalised_PartsDenied(string value, DecisionEffect expected)
        => (await Pay("Text me at +1 (555) 010-2030 when done", value)).Should().Be(expected);

    [Theory]
    [InlineData("Anna Lindqvist", DecisionEffect.Allow)]
    [InlineData("anna  LINDQVIST", DecisionEffect.Allow)]
    [InlineData("Anna Lind", DecisionEffect.Deny)]
    [InlineData("Lindqvist Anna", DecisionEffect.Deny)]
    [InlineData("Anna Lindqvist Holdings Ltd", DecisionEffect.Deny)]
    public async Task Name_WholeWordsInOrder_PartialOrReorderedDenied(string value, DecisionEffect expected)
        => (await Pay("Transfer 40 EUR to Anna Lindqvist for the tickets", value)).Should().Be(expected);

    [Fact]
    public async Task HiddenCharacters_InTheArgument_DoNotDisguiseTheUsersValue()
        => (await Pay("Pay DE89 3704 0044 0532 0130 00", "DE89\u200B3704 0044 0532 0130 00")).Should().Be(DecisionEffect.Allow);

    [Fact]
    public async Task FullWidthDigits_AreTheSameValue_ButStillWholeValues()
    {
        (await Pay("Text me at +1 (555) 010-2030", "１５５５０１０２０３０")).Should().Be(DecisionEffect.Allow);
        (await Pay("Text me at +1 (555) 010-2030", "５５５０１０２")).Should().Be(DecisionEffect.Deny);
    }

    [Fact]
    public async Task CompositeValue_EveryAddressInItMustBeTheUsers()
    {
        (await Pay("Mail bob@corp.com", "Bob <bob@corp.com>")).Should().Be(DecisionEffect.Allow);
        (await Pay("Mail bob@corp.com", "Bob <bob@corp.com>, Eve <eve@evil.io>")).Should().Be(DecisionEffect.Deny);
    }

    [Fact]
    public async Task UntrustedResult_DoesNotVouch_TrustedResultDoes()
    {
        var engine = TestHost.Engine("""
        {
          "AgentGuard": {
            "Tools": { "web_fetch": { "Untrusted": true } },
            "Rules": [ { "Id": "payee", "Effect": "Deny", "Match": { "Tools": ["pay"] },
                         "When": { "Provenance": { "Argument": "$.to" } } } ]
          }
        }
        """);
        var context = new GuardContext { SessionId = "s1", Prompt = "pay the supplier from the contacts list" };
        var fetch = TestHost.Call("web_fetch");
        await engine.EvaluateAsync(fetch, context);
        await engine.InspectResultAsync(fetch, context, new ToolResult("Supplier IBAN: GB33 BUKB 2020 1555 5555 55"));
        (await engine.EvaluateAsync(TestHost.Call("pay", """{"to":"GB33BUKB20201555555555"}"""), context)).Effect.Should().Be(DecisionEffect.Deny);

        var contacts = TestHost.Call("contacts");
        await engine.EvaluateAsync(contacts, context);
        await engine.InspectResultAsync(contacts, context, new ToolResult("Supplier: DE44 5001 0517 5407 3249 31"));
        (await engine.EvaluateAsync(TestHost.Call("pay", """{"to":"DE44500105175407324931"}"""), context)).Effect.Should().Be(DecisionEffect.Allow);
        (await engine.EvaluateAsync(TestHost.Call("pay", """{"to":"DE44 5001 0517 5407"}"""), context)).Effect.Should().Be(DecisionEffect.Deny, "a truncated trusted IBAN is another account");
    }

    [Fact]
    public async Task Denial_EvidenceNamesWhereTheValueWasFirstSeen_WithoutTheValue()
    {
        var engine = TestHost.Engine("""
        {
          "AgentGuard": {
            "Tools": { "web_fetch": { "Untrusted": true } },
            "Rules": [ { "Id": "payee", "Effect": "Deny", "Match": { "Tools": ["pay"] },
                         "When": { "Provenance": { "Argument": "$.to" } } } ]
          }
        }
        """);
        var context = new GuardContext { SessionId = "s-evidence", Prompt = "pay the supplier" };
        var fetch = TestHost.Call("web_fetch");
        await engine.EvaluateAsync(fetch, context);
        await engine.InspectResultAsync(fetch, context, new ToolResult("Supplier IBAN: GB33 BUKB 2020 1555 5555 55"));
        var contacts = TestHost.Call("contacts");
        await engine.EvaluateAsync(contacts, context);
        await engine.InspectResultAsync(contacts, context, new ToolResult("Also GB33 BUKB 2020 1555 5555 55, as the page said"));

        var laundered = await engine.EvaluateAsync(TestHost.Call("pay", """{"to":"GB33BUKB20201555555555"}"""), context);
        var invented = await engine.EvaluateAsync(TestHost.Call("pay", """{"to":"FR76 3000 6000 0112 3456 7890 189"}"""), context);

        laundered.Effect.Should().Be(DecisionEffect.Deny, "a trusted echo does not launder a value the untrusted page gave first");
        laundered.Evidence.Should().Contain("$.to: first seen in the result of 'web_fetch' (untrusted)");
        invented.Evidence.Should().Contain("$.to: not seen in the user's prompt or a trusted result");
        string.Join("|", laundered.Evidence.Concat(invented.Evidence)).Should().NotContain("GB33").And.NotContain("FR76", "evidence never carries the value");
    }

    [Fact]
    public async Task Allowlist_ComparesWholeValues()
    {
        var engine = TestHost.Engine("""
        {
          "AgentGuard": {
            "Rules": [ { "Id": "payee", "Effect": "Deny", "Match": { "Tools": ["pay"] },
                         "When": { "Provenance": { "Argument": "$.to", "From": ["allowlist"], "Allowlist": ["DE89 3704 0044 0532 0130 00", "payroll@corp.com"] } } } ]
          }
        }
        """);
        (await engine.EvaluateAsync(TestHost.Call("pay", """{"to":"de89370400440532013000"}"""), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Allow);
        (await engine.EvaluateAsync(TestHost.Call("pay", """{"to":"payroll+x@corp.com"}"""), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Allow);
        (await engine.EvaluateAsync(TestHost.Call("pay", """{"to":"DE89 3704 0044"}"""), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Deny);
        (await engine.EvaluateAsync(TestHost.Call("pay", """{"to":"roll@corp.com"}"""), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Deny);
    }
}
