namespace AgentGuard.Redis.Tests;

/// <summary>
/// The re-check after an in-process approval (<c>ApprovalRecheckTests</c> of the core), on the Redis store: while the
/// person on replica A considers the payment, the session's next call on replica B reads an untrusted page; the
/// approved payment is then denied on A. Unchanged, it runs, and its rate limit — which Redis counts as the decision
/// reads — is not counted a second time by the re-check.
/// </summary>
public sealed class ApprovalRecheckTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private const string Rules = """
        "Tools": { "web_fetch": { "Untrusted": true } },
        "Rules": [
          { "Id": "approve-pay", "Effect": "RequireApproval", "Match": { "Tools": ["pay"] } },
          { "Id": "no-pay-after-untrusted", "Effect": "Deny", "Match": { "Tools": ["pay"] }, "When": { "SessionLabels": ["untrusted"] } },
          { "Id": "pay-limit", "Effect": "Deny", "Match": { "Tools": ["pay"] }, "When": { "RateLimit": { "Max": 1, "Per": "00:10:00" } } }
        ]
        """;

    private static ToolCallEvent Pay => Replica.Call("pay", """{"to":"bob","amount":500}""");

    [Fact]
    public async Task SessionLabelledOnBWhileAThinks_TheApprovedCallIsDeniedOnA()
    {
        var prefix = RedisFixture.Prefix();
        var session = new GuardContext { SessionId = "recheck-" + Guid.NewGuid().ToString("N") };
        await using var b = await Replica.StartAsync(redis.Server, Rules, prefix: prefix);
        var approver = new Approver(async () =>
        {
            var fetch = Replica.Call("web_fetch");
            await b.Engine.EvaluateAsync(fetch, session);
            await b.Engine.InspectResultAsync(fetch, session, new ToolResult("Cheap flights! Book now."));
            await b.FlushAsync();
        });
        await using var a = await Replica.StartAsync(redis.Server, Rules, prefix: prefix, configure: g => g.AddApprovalHandler(approver));

        var decision = await a.Guard.AuthorizeAsync(Pay, session);

        approver.Asked.Should().Be(1);
        decision.Effect.Should().Be(DecisionEffect.Deny);
        decision.RuleIds.Should().Contain("no-pay-after-untrusted");
    }

    [Fact]
    public async Task NothingChanged_TheApprovedCallRuns_AndItsRateLimitIsCountedOnce()
    {
        var approver = new Approver(() => Task.CompletedTask);
        await using var a = await Replica.StartAsync(redis.Server, Rules.Replace("\"Max\": 1", "\"Max\": 2", StringComparison.Ordinal), prefix: RedisFixture.Prefix(), configure: g => g.AddApprovalHandler(approver));
        var session = new GuardContext { SessionId = "recheck-" + Guid.NewGuid().ToString("N") };

        (await a.Guard.AuthorizeAsync(Pay, session)).Effect.Should().Be(DecisionEffect.Allow);
        await a.FlushAsync();

        (await a.Engine.EvaluateAsync(Pay, session)).Effect.Should().Be(DecisionEffect.RequireApproval, "the second payment is the second hit of two allowed: the re-check of the first added none");
    }

    private sealed class Approver(Func<Task> whileThinking) : IApprovalHandler
    {
        public int Asked { get; private set; }

        public async ValueTask<ApprovalResponse> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken)
        {
            if (++Asked == 1)
            {
                await whileThinking();
            }

            return new ApprovalResponse(true, "manager");
        }
    }
}
