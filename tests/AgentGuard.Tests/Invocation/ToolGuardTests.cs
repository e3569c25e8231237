using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Tests.Invocation;

/// <summary>The shared adapter pipeline and the SDK-call API, through the real engine.</summary>
public sealed class ToolGuardTests
{
    private const string Policy = """
    {
      "AgentGuard": {
        "Approval": { "Timeout": "00:00:00.200" },
        "Rules": [
          { "Id": "approve-pay", "Effect": "RequireApproval", "Match": { "Tools": ["pay"] } },
          { "Id": "no-delete", "Effect": "Deny", "Match": { "Tools": ["github.delete_repo"] } }
        ]
      }
    }
    """;

    [Fact]
    public async Task RunAsync_DeniedSdkCall_NeverInvokes_AndThrowsWithDecision()
    {
        var guard = TestHost.Create(Policy).GetRequiredService<ToolGuard>();
        var invoked = 0;

        var act = async () => await guard.RunAsync<string>("github.delete_repo", [new("repo", "prod")], _ => { invoked++; return new("deleted"); });

        var error = (await act.Should().ThrowAsync<ToolCallDeniedException>()).Which;
        error.Decision.RuleIds.Should().Equal("no-delete");
        error.Message.Should().Be("github.delete_repo was not run: this action is not permitted by policy.");
        invoked.Should().Be(0);
    }

    [Fact]
    public async Task RunAsync_AllowedSdkCall_RunsInsideScope_AndResultIsInspected()
    {
        var services = TestHost.Create("""{ "AgentGuard": { "Tools": { "crm.*": { "Untrusted": true } } } }""");
        var guard = services.GetRequiredService<ToolGuard>();
        var recorder = new RecordingPolicy();
        string? sessionInside = null;
        using var outer = AgentGuardScope.Begin(new GuardContext { SessionId = "s-9" });

        var result = await guard.RunAsync(
            new ToolCallEvent("crm.get_contact", ToolKind.SdkCall) { CallId = "sdk-1" },
            _ => { sessionInside = AgentGuardScope.Current?.Context.SessionId; return new ValueTask<string>("Carol"); });

        result.Should().Be("Carol");
        sessionInside.Should().Be("s-9");
        var followUp = await services.GetRequiredService<IGuardEngine>().EvaluateAsync(TestHost.Call("x"), new GuardContext { SessionId = "s-9" });
        followUp.Should().NotBeNull();
        var store = services.GetRequiredService<AgentGuard.Policies.SessionStore>();
        store.Find("s-9")!.Snapshot().Labels.Should().Contain(SessionLabels.Untrusted, "the result hook ran on the SDK call's result");
    }

    [Fact]
    public async Task AuthorizeAsync_ApprovalHandlerApproves_Allows()
    {
        var handler = new ScriptedApprover((_, _) => new(new ApprovalResponse(true, "manager")));
        var guard = TestHost.Create(Policy, b => b.AddApprovalHandler(handler)).GetRequiredService<ToolGuard>();

        var decision = await guard.AuthorizeAsync(TestHost.Call("pay", """{ "to": "bob", "amount": 5 }"""), GuardContext.Empty);

        decision.Effect.Should().Be(DecisionEffect.Allow);
        decision.Reason.Should().EndWith("approved");
        handler.Requests.Should().ContainSingle().Which.Fingerprint.Should().Be(CallFingerprint.Compute("pay", ToolArguments.FromJson("""{"amount":5,"to":"bob"}""")));
    }

    [Fact]
    public async Task AuthorizeAsync_ApprovalRejected_Denies()
    {
        var guard = TestHost.Create(Policy, b => b.AddApprovalHandler(new ScriptedApprover((_, _) => new(new ApprovalResponse(false, "manager", "not today"))))).GetRequiredService<ToolGuard>();

        var decision = await guard.AuthorizeAsync(TestHost.Call("pay"), GuardContext.Empty);

        decision.Effect.Should().Be(DecisionEffect.Deny);
        decision.Reason.Should().EndWith("rejected by manager: not today");
        decision.ModelMessage.Should().Be("pay was not run: it requires approval, which was not given.");
    }

    [Fact]
    public async Task AuthorizeAsync_ApprovalUnanswered_TimesOutToDeny()
    {
        var guard = TestHost.Create(Policy, b => b.AddApprovalHandler(new ScriptedApprover(async (_, ct) => { await Task.Delay(Timeout.Infinite, ct); return new ApprovalResponse(true); }))).GetRequiredService<ToolGuard>();

        var decision = await guard.AuthorizeAsync(TestHost.Call("pay"), GuardContext.Empty);

        decision.Effect.Should().Be(DecisionEffect.Deny);
        decision.Reason.Should().EndWith("approval timed out");
    }

    [Fact]
    public async Task AuthorizeAsync_NoApprovalHandler_Denies_OrReturnsApprovalForNativeFlows()
    {
        var guard = TestHost.Create(Policy).GetRequiredService<ToolGuard>();

        (await guard.AuthorizeAsync(TestHost.Call("pay"), GuardContext.Empty)).Effect.Should().Be(DecisionEffect.Deny);
        (await guard.AuthorizeAsync(TestHost.Call("pay"), GuardContext.Empty, useApprovalHandler: false)).Effect.Should().Be(DecisionEffect.RequireApproval);
    }

    [Fact]
    public void CallFingerprint_IgnoresOrderAndSpacing_ButNotValues()
    {
        var a = CallFingerprint.Compute("pay", ToolArguments.FromJson("""{ "to": "bob", "amount": 5.0 }"""));
        var b = CallFingerprint.Compute("pay", ToolArguments.FromJson("""{"amount":5,"to":"bob"}"""));
        var c = CallFingerprint.Compute("pay", ToolArguments.FromJson("""{"amount":500,"to":"bob"}"""));

        a.Should().Be(b).And.StartWith("sha256:");
        c.Should().NotBe(a);
    }

    private sealed class ScriptedApprover(Func<ApprovalRequest, CancellationToken, ValueTask<ApprovalResponse>> answer) : IApprovalHandler
    {
        public List<ApprovalRequest> Requests { get; } = [];

        public ValueTask<ApprovalResponse> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return answer(request, cancellationToken);
        }
    }
}
