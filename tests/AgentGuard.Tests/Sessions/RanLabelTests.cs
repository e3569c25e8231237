namespace AgentGuard.Tests.Sessions;

/// <summary>
/// "Sent after reading internal data" must hold however many calls come between. The default pack's sequence rule
/// looks 50 calls back and the session's history keeps 100, so an injection that first has the agent call a harmless
/// tool 60 or 150 times used to get internal data out. A call's tag now labels the session once the call ran
/// (<c>ran:internal-only</c>), for the tags a rule asks about, and the label lasts the session.
/// </summary>
public sealed class RanLabelTests
{
    private const string Tools = """
        "Tools": { "read_hr_record": { "Tags": ["internal-only"] }, "get_time": { "Tags": ["read-only"] }, "send_email": { "Tags": ["external-send"] } }
        """;

    private static async Task<Decision> SendAfter(IGuardEngine engine, int padding, bool readFirst = true, bool readDenied = false)
    {
        var session = new GuardContext { SessionId = "s-" + Guid.NewGuid().ToString("N"), Prompt = "Look up Ann's HR record, then email a summary to bob@partner.example" };
        if (readFirst)
        {
            var read = TestHost.Call("read_hr_record", """{"name":"Ann"}""");
            var decided = await engine.EvaluateAsync(read, session);
            if (decided.Effect == DecisionEffect.Allow && !readDenied)
            {
                await engine.InspectResultAsync(read, session, new ToolResult("Ann Lee, salary 91,000, review: needs improvement"));
            }
        }

        for (var i = 0; i < padding; i++)
        {
            var call = TestHost.Call("get_time", "{}");
            await engine.EvaluateAsync(call, session);
            await engine.InspectResultAsync(call, session, new ToolResult("12:00"));
        }

        return await engine.EvaluateAsync(TestHost.Call("send_email", """{"to":"bob@partner.example","body":"Ann Lee, salary 91,000"}"""), session);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(60)]
    [InlineData(150)]
    public async Task DefaultPack_SendAfterAnInternalRead_IsDeniedHoweverManyCallsCameBetween(int padding)
    {
        var engine = TestHost.Engine($$"""{ "AgentGuard": { {{Tools}} } }""", b => b.AddDefaultPolicyPack());
        (await SendAfter(engine, padding)).Effect.Should().Be(DecisionEffect.Deny, $"{padding} harmless calls came between");
    }

    [Fact]
    public async Task DefaultPack_SendWithoutAnInternalRead_Runs()
    {
        var engine = TestHost.Engine($$"""{ "AgentGuard": { {{Tools}} } }""", b => b.AddDefaultPolicyPack());
        (await SendAfter(engine, 60, readFirst: false)).Effect.Should().Be(DecisionEffect.Allow);
    }

    [Fact]
    public async Task ReadThatNeverRan_LabelsNothing()
    {
        // The read is decided but its result never comes back (it was refused downstream, or threw before the hook):
        // only the sequence rule's window sees it, as before.
        var engine = TestHost.Engine($$"""{ "AgentGuard": { {{Tools}} } }""", b => b.AddDefaultPolicyPack());
        (await SendAfter(engine, 60, readDenied: true)).Effect.Should().Be(DecisionEffect.Allow);
    }

    [Fact]
    public async Task NoRuleAsksAboutRan_NoLabelIsAdded()
    {
        var engine = TestHost.Engine($$"""{ "AgentGuard": { {{Tools}} } }""");
        var session = new GuardContext { SessionId = "s-" + Guid.NewGuid().ToString("N") };
        var read = TestHost.Call("read_hr_record", """{"name":"Ann"}""");
        await engine.EvaluateAsync(read, session);
        var inspection = await engine.InspectResultAsync(read, session, new ToolResult("Ann Lee"));
        inspection.AddedLabels.Should().BeEmpty();
    }

    [Fact]
    public async Task RuleOfItsOwn_NamesAnyTag_AndTheLabelNamesIt()
    {
        var engine = TestHost.Engine($$"""
            { "AgentGuard": { {{Tools}},
              "Rules": [ { "Id": "no-send-after-hr", "Effect": "Deny", "Match": { "Tools": ["send_email"] }, "When": { "SessionLabels": ["RAN:Internal-Only"] } } ] } }
            """);
        var session = new GuardContext { SessionId = "s-" + Guid.NewGuid().ToString("N") };
        var read = TestHost.Call("read_hr_record", """{"name":"Ann"}""");
        await engine.EvaluateAsync(read, session);
        (await engine.InspectResultAsync(read, session, new ToolResult("Ann Lee"))).AddedLabels.Should().Equal("ran:internal-only");
        var send = await engine.EvaluateAsync(TestHost.Call("send_email", """{"to":"bob@partner.example"}"""), session);
        send.Effect.Should().Be(DecisionEffect.Deny);
        send.RuleIds.Should().Equal("no-send-after-hr");
    }
}
