namespace AgentGuard.Redis.Tests;

/// <summary>
/// <c>When.Provenance</c> from <c>correspondent</c> on the Redis store: the mailbox is searched on one replica and the
/// reply decided on the other, whose view answers only what the rule declared it would ask. The sender the user names
/// for a reply is accepted there; the found mail's other author, whom the user did not name, still asks.
/// </summary>
public sealed class CorrespondentAcrossReplicasTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private const string Rules = """
        "Tools": { "search_inbox": { "Untrusted": true } },
        "Rules": [ { "Id": "recipient", "Effect": "RequireApproval", "Match": { "Tools": ["send_email"] },
                     "When": { "SessionLabels": ["untrusted"], "Provenance": { "Argument": "$.to", "From": ["prompt", "trusted", "correspondent"] } } } ]
        """;

    private const string Inbox = """
        {"emails": [
          {"sender": "sallee@fakemail.com", "receivers": ["me@home.example"], "subject": "Come visit me", "body": "Let me know!"},
          {"sender": "news@shop.example", "receivers": ["me@home.example"], "subject": "Sale", "body": "Our sale starts Monday."}
        ]}
        """;

    [Theory]
    [InlineData("sallee@fakemail.com", DecisionEffect.Allow)]
    [InlineData("news@shop.example", DecisionEffect.RequireApproval)]
    public async Task SearchedOnA_ReplyDecidedOnB(string to, DecisionEffect expected)
    {
        var prefix = RedisFixture.Prefix();
        await using var a = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        await using var b = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        var searching = new GuardContext { SessionId = "correspondent-" + Guid.NewGuid().ToString("N"), Prompt = "Look up my email for anything about Edinburgh." };

        var search = Replica.Call("search_inbox", """{"query":"Edinburgh"}""");
        await a.Engine.EvaluateAsync(search, searching);
        await a.Engine.InspectResultAsync(search, searching, new ToolResult(Inbox));
        await a.FlushAsync();

        var replying = new GuardContext { SessionId = searching.SessionId, Prompt = searching.Prompt + "\nOk can you reply to Sally saying I will visit?" };
        var send = Replica.Call("send_email", $$"""{"to":["{{to}}"],"subject":"Re: visit","body":"See you this weekend."}""");
        (await b.Engine.EvaluateAsync(send, replying)).Effect.Should().Be(expected);
    }
}
