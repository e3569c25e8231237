namespace AgentGuard.Redis.Tests;

/// <summary>
/// <c>ran:&lt;tag&gt;</c> session labels on the Redis store: internal data read on one replica, the session padded
/// past the sequence window with harmless calls, and the send decided on the other replica is still refused.
/// </summary>
public sealed class RanLabelAcrossReplicasTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private const string Rules = """
        "Tools": { "read_hr_record": { "Tags": ["internal-only"] }, "get_time": { "Tags": ["read-only"] }, "send_email": { "Tags": ["external-send"] } },
        "Rules": [ { "Id": "no-send-after-internal", "Effect": "Deny", "Match": { "Tags": ["external-send"] }, "When": { "SessionLabels": ["ran:internal-only"] } } ]
        """;

    [Theory]
    [InlineData(true, DecisionEffect.Deny)]
    [InlineData(false, DecisionEffect.Allow)]
    public async Task ReadOnA_PaddedPastTheHistory_SendDecidedOnB(bool readInternal, DecisionEffect expected)
    {
        var prefix = RedisFixture.Prefix();
        await using var a = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await using var b = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        var session = new GuardContext { SessionId = "ran-" + Guid.NewGuid().ToString("N"), Prompt = "Summarise Ann's record and mail it to Bob." };

        if (readInternal)
        {
            var read = Replica.Call("read_hr_record", """{"name":"Ann"}""");
            await a.Engine.EvaluateAsync(read, session);
            await a.Engine.InspectResultAsync(read, session, new ToolResult("Ann Lee, salary 91,000"));
        }

        for (var i = 0; i < 120; i++)
        {
            var call = Replica.Call("get_time", "{}");
            await a.Engine.EvaluateAsync(call, session);
            await a.Engine.InspectResultAsync(call, session, new ToolResult("12:00"));
        }

        await a.FlushAsync();
        (await b.Engine.EvaluateAsync(Replica.Call("send_email", """{"to":"bob@partner.example"}"""), session)).Effect.Should().Be(expected);
    }
}
