using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Tests.Invocation;

/// <summary>
/// An in-process approver (<see cref="IApprovalHandler"/>) answers the question it was asked, about the session as it
/// was. While a person considers it, a parallel call of the same session can change what the rules say: it reads an
/// untrusted page (the session is labelled), it calls an export tool. An approval does not carry the call past a rule
/// that now denies it, nor past one that now asks a new question: the call is decided again, without being recorded
/// twice, after the answer and before it runs.
/// </summary>
public sealed class ApprovalRecheckTests
{
    private const string Policy = """
    {
      "AgentGuard": {
        "Tools": { "web_fetch": { "Untrusted": true } },
        "Rules": [
          { "Id": "approve-pay", "Effect": "RequireApproval", "Match": { "Tools": ["pay"] } },
          { "Id": "no-pay-after-untrusted", "Effect": "Deny", "Match": { "Tools": ["pay"] }, "When": { "SessionLabels": ["untrusted"] } },
          { "Id": "approve-pay-after-export", "Effect": "RequireApproval", "Match": { "Tools": ["pay"] }, "When": { "Sequence": { "Tools": ["export_ledger"], "WithinCalls": 10 } } },
          { "Id": "pay-limit", "Effect": "Deny", "Match": { "Tools": ["pay"] }, "When": { "RateLimit": { "Max": 1, "Per": "00:10:00" } } }
        ]
      }
    }
    """;

    private static GuardContext Session() => new() { SessionId = "s-" + Guid.NewGuid().ToString("N") };

    /// <summary>A parallel call of the session reads an untrusted web page (while the person looks at the request).</summary>
    private static async Task ReadAPage(IGuardEngine engine, GuardContext session)
    {
        var fetch = new ToolCallEvent("web_fetch", ToolKind.Function);
        await engine.EvaluateAsync(fetch, session);
        await engine.InspectResultAsync(fetch, session, new ToolResult("Cheap flights! Book now."));
    }

    private static ToolCallEvent Pay => new("pay", ToolKind.Function) { Arguments = ToolArguments.FromJson("""{"to":"bob","amount":500}""") };

    [Fact]
    public async Task SessionLabelledUntrustedWhileTheApproverThinks_TheApprovedCallIsDenied()
    {
        IGuardEngine? engine = null;
        var session = Session();
        var approver = new Approver(() => ReadAPage(engine!, session));
        var services = TestHost.Create(Policy, b => b.AddApprovalHandler(approver));
        engine = services.GetRequiredService<IGuardEngine>();
        var guard = services.GetRequiredService<ToolGuard>();

        var decision = await guard.AuthorizeAsync(Pay, session);

        approver.Asked.Should().Be(1);
        decision.Effect.Should().Be(DecisionEffect.Deny, "the session read untrusted content before the approved call could run");
        decision.RuleIds.Should().Contain("no-pay-after-untrusted");
    }

    [Fact]
    public async Task ANewRuleAsksWhileTheApproverThinks_TheCallIsAskedAgain()
    {
        IGuardEngine? engine = null;
        var session = Session();
        var approver = new Approver(async () =>
        {
            var export = new ToolCallEvent("export_ledger", ToolKind.Function);
            await engine!.EvaluateAsync(export, session);
        });
        var services = TestHost.Create(Policy, b => b.AddApprovalHandler(approver));
        engine = services.GetRequiredService<IGuardEngine>();
        var guard = services.GetRequiredService<ToolGuard>();

        var decision = await guard.AuthorizeAsync(Pay, session);

        approver.Asked.Should().Be(2, "the export made a rule ask that the first answer did not answer");
        approver.Requests[1].Decision.RuleIds.Should().Contain("approve-pay-after-export");
        decision.Effect.Should().Be(DecisionEffect.Allow);
    }

    [Fact]
    public async Task NothingChangedWhileTheApproverThinks_TheCallRunsOnce_AndTheRateLimitCountsItOnce()
    {
        var approver = new Approver(() => Task.CompletedTask);
        var services = TestHost.Create(Policy, b => b.AddApprovalHandler(approver));
        var guard = services.GetRequiredService<ToolGuard>();
        var session = Session();

        var decision = await guard.AuthorizeAsync(Pay, session);

        approver.Asked.Should().Be(1);
        decision.Effect.Should().Be(DecisionEffect.Allow, "the re-check of an unchanged session agrees, and does not count the call against its rate limit again");
        var store = services.GetRequiredService<AgentGuard.Policies.SessionStore>();
        store.Find(session.SessionId!)!.Snapshot().History.Should().ContainSingle(c => c.ToolName == "pay", "the re-check is not a call of its own");
    }

    [Fact]
    public async Task ABatchLabelledWhileTheApproverThinks_IsDenied_AndAnUnchangedOneRuns()
    {
        // A shell line's commands are decided and approved together; the re-check decides its parts again, not the line
        // as one call of its own.
        IGuardEngine? engine = null;
        var session = Session();
        var approver = new Approver(() => ReadAPage(engine!, session));
        var services = TestHost.Create(Policy, b => b.AddApprovalHandler(approver));
        engine = services.GetRequiredService<IGuardEngine>();
        var guard = services.GetRequiredService<ToolGuard>();
        var whole = new ToolCallEvent("bash", ToolKind.ShellCommand) { Arguments = ToolArguments.FromJson("""{"command":"echo go && pay bob 500"}""") };
        ToolCallEvent[] parts = [new("echo", ToolKind.ShellCommand), Pay];

        var labelled = await guard.AuthorizeBatchAsync(parts, whole, session);
        var unchanged = await guard.AuthorizeBatchAsync(parts, whole, Session());

        labelled.Decision.Effect.Should().Be(DecisionEffect.Deny);
        labelled.Decision.RuleIds.Should().Contain("no-pay-after-untrusted");
        unchanged.Decision.Effect.Should().Be(DecisionEffect.Allow, "an unchanged session's parts decide as they did; the line itself is no call a rule knows");
    }

    [Fact]
    public async Task RulesThatKeepAskingNewQuestions_AreRefusedAfterThreeRounds()
    {
        // Each time the person answers, a parallel call makes one more rule ask: the call is not put up forever.
        const string Asking = """
        {
          "AgentGuard": {
            "Rules": [
              { "Id": "approve-pay", "Effect": "RequireApproval", "Match": { "Tools": ["pay"] } },
              { "Id": "after-export-1", "Effect": "RequireApproval", "Match": { "Tools": ["pay"] }, "When": { "Sequence": { "Tools": ["export_1"] } } },
              { "Id": "after-export-2", "Effect": "RequireApproval", "Match": { "Tools": ["pay"] }, "When": { "Sequence": { "Tools": ["export_2"] } } },
              { "Id": "after-export-3", "Effect": "RequireApproval", "Match": { "Tools": ["pay"] }, "When": { "Sequence": { "Tools": ["export_3"] } } }
            ]
          }
        }
        """;
        IGuardEngine? engine = null;
        var session = Session();
        var approver = new KeepsExporting(() => engine!, session);
        var services = TestHost.Create(Asking, b => b.AddApprovalHandler(approver));
        engine = services.GetRequiredService<IGuardEngine>();

        var decision = await services.GetRequiredService<ToolGuard>().AuthorizeAsync(Pay, session);

        approver.Asked.Should().Be(3);
        decision.Effect.Should().Be(DecisionEffect.Deny, "a fourth question came up after the third answer");
    }

    private sealed class KeepsExporting(Func<IGuardEngine> engine, GuardContext session) : IApprovalHandler
    {
        public int Asked { get; private set; }

        public async ValueTask<ApprovalResponse> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken)
        {
            Asked++;
            await engine().EvaluateAsync(new ToolCallEvent($"export_{Asked}", ToolKind.Function), session, cancellationToken);
            return new ApprovalResponse(true, "manager");
        }
    }

    private sealed class Approver(Func<Task> whileThinking) : IApprovalHandler
    {
        public int Asked => Requests.Count;

        public List<ApprovalRequest> Requests { get; } = [];

        public async ValueTask<ApprovalResponse> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            if (Requests.Count == 1)
            {
                await whileThinking();
            }

            return new ApprovalResponse(true, "manager");
        }
    }
}
