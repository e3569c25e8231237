namespace AgentGuard.Redis.Tests;

/// <summary>Code policies read the whole shared session: every field of each call, and labels attached to calls later.</summary>
public sealed class SnapshotTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private const string Rules = """
        "Tools": { "browse": { "Untrusted": true } },
        "Rules": [
          { "Id": "read-then-send", "Effect": "Deny", "Match": { "Tools": ["send_email"] }, "When": { "Sequence": { "Tools": ["read_secrets"], "AtLeast": 1 } } },
          { "Id": "no-post-when-untrusted", "Effect": "Deny", "Match": { "Tools": ["post"] }, "When": { "SessionLabels": ["untrusted"] } }
        ]
        """;

    [Fact]
    public async Task CodePolicy_SeesEveryField_AndResultLabelsAttachedOnTheOtherReplica()
    {
        var prefix = RedisFixture.Prefix();
        var policy = new LastSessionPolicy();
        await using var a = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await using var b = await Replica.StartAsync(redis.Server, "\"EvaluationTimeout\": \"00:00:05\",\n" + Rules, prefix: prefix, configure: builder => builder.AddPolicy(policy));
        var session = new GuardContext { SessionId = "snapshot" };

        await a.Engine.EvaluateAsync(new ToolCallEvent("browse", ToolKind.McpTool) { Source = "web", CallId = "c1" }, session);
        await a.FlushAsync();
        await b.Engine.EvaluateAsync(Replica.Call("send_email", callId: "c2"), session);
        await b.FlushAsync();
        await a.Engine.InspectResultAsync(Replica.Call("browse", callId: "c1"), session, new ToolResult("a page"));
        await a.FlushAsync();
        await b.Engine.EvaluateAsync(Replica.Call("noop", callId: "c3"), session);

        var history = policy.Last!.History;
        history.Select(h => h.ToolName).Should().Equal("browse", "send_email");
        history[0].Kind.Should().Be(ToolKind.McpTool);
        history[0].Source.Should().Be("web");
        history[0].CallId.Should().Be("c1");
        history[0].Effect.Should().Be(DecisionEffect.Allow);
        history[0].ResultLabels.Should().Contain(SessionLabels.Untrusted, "the result was inspected on the other replica after the call was recorded");
        history[1].CallId.Should().Be("c2");
        history[1].ResultLabels.Should().BeEmpty();
        policy.Last.Labels.Should().Contain(SessionLabels.Untrusted);
    }

    [Fact]
    public async Task AuditRecord_CarriesTheSessionLabelsTheDecisionRead()
    {
        var prefix = RedisFixture.Prefix();
        await using var a = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await using var b = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        var session = new GuardContext { SessionId = "audited" };
        await a.Engine.EvaluateAsync(Replica.Call("browse", callId: "c1"), session);
        await a.Engine.InspectResultAsync(Replica.Call("browse", callId: "c1"), session, new ToolResult("a page"));
        await a.FlushAsync();

        (await b.Engine.EvaluateAsync(Replica.Call("post"), session)).Effect.Should().Be(DecisionEffect.Deny);

        b.Audit.Should().ContainSingle().Which.SessionLabels.Should().Equal(SessionLabels.Untrusted);
    }
}
