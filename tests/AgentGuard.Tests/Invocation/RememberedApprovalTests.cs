using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Tests.Invocation;

/// <summary>
/// A person who approves a call may say how long the answer holds: this once (the default), for the same call for
/// the rest of the session, or for the tool for the rest of the session. A remembered answer covers only the questions
/// it answered — a rule that asks something new (the session read untrusted content since) asks the person again — only
/// in the session it was given in, never past a rule that denies, and never beyond the scope the operator allows
/// (<c>Approval:Remember</c>). Through the real engine and <see cref="ToolGuard"/>.
/// </summary>
public sealed class RememberedApprovalTests
{
    private static string Policy(string remember = "SameTool") => $$"""
    {
      "AgentGuard": {
        "Approval": { "Remember": "{{remember}}" },
        "Tools": { "web_fetch": { "Untrusted": true } },
        "Rules": [
          { "Id": "approve-pay", "Effect": "RequireApproval", "Match": { "Tools": ["pay"] } },
          { "Id": "approve-pay-after-untrusted", "Effect": "RequireApproval", "Match": { "Tools": ["pay"] }, "When": { "SessionLabels": ["untrusted"] } },
          { "Id": "no-big-payments", "Effect": "Deny", "Match": { "Tools": ["pay"] }, "When": { "Arguments": [ { "Path": "$.amount", "GreaterThan": 10000 } ] } }
        ]
      }
    }
    """;

    private static GuardContext Session() => new() { SessionId = "s-" + Guid.NewGuid().ToString("N") };

    private static ToolCallEvent Pay(string to = "bob", int amount = 500)
        => new("pay", ToolKind.Function) { Arguments = ToolArguments.FromJson($$"""{"to":"{{to}}","amount":{{amount}}}""") };

    private static (ToolGuard Guard, IGuardEngine Engine, Approver Approver) Create(ApprovalMemory answer, string remember = "SameTool")
    {
        var approver = new Approver(answer);
        var services = TestHost.Create(Policy(remember), b => b.AddApprovalHandler(approver));
        return (services.GetRequiredService<ToolGuard>(), services.GetRequiredService<IGuardEngine>(), approver);
    }

    [Fact]
    public async Task SameCall_TheSameCallAgain_IsNotAskedAgain()
    {
        var (guard, _, approver) = Create(ApprovalMemory.SameCall);
        var session = Session();

        var first = await guard.AuthorizeAsync(Pay(), session);
        var second = await guard.AuthorizeAsync(Pay(), session);

        first.IsAllowed.Should().BeTrue();
        second.IsAllowed.Should().BeTrue();
        approver.Asked.Should().Be(1);
    }

    [Fact]
    public async Task SameCall_OtherArguments_AreAskedAgain()
    {
        var (guard, _, approver) = Create(ApprovalMemory.SameCall);
        var session = Session();

        await guard.AuthorizeAsync(Pay("bob", 500), session);
        await guard.AuthorizeAsync(Pay("eve", 500), session);

        approver.Asked.Should().Be(2, "the answer was about paying bob");
    }

    [Fact]
    public async Task SameTool_OtherArguments_AreNotAskedAgain()
    {
        var (guard, _, approver) = Create(ApprovalMemory.SameTool);
        var session = Session();

        await guard.AuthorizeAsync(Pay("bob", 500), session);
        var other = await guard.AuthorizeAsync(Pay("carol", 700), session);

        other.IsAllowed.Should().BeTrue();
        approver.Asked.Should().Be(1);
    }

    [Fact]
    public async Task Once_TheSameCallAgain_IsAskedAgain()
    {
        var (guard, _, approver) = Create(ApprovalMemory.Once);
        var session = Session();

        await guard.AuthorizeAsync(Pay(), session);
        await guard.AuthorizeAsync(Pay(), session);

        approver.Asked.Should().Be(2);
    }

    [Fact]
    public async Task Remembered_InAnotherSession_IsAskedAgain()
    {
        var (guard, _, approver) = Create(ApprovalMemory.SameTool);

        await guard.AuthorizeAsync(Pay(), Session());
        await guard.AuthorizeAsync(Pay(), Session());

        approver.Asked.Should().Be(2);
    }

    [Fact]
    public async Task Remembered_ANewQuestion_IsAskedAgain()
    {
        var (guard, engine, approver) = Create(ApprovalMemory.SameTool);
        var session = Session();
        await guard.AuthorizeAsync(Pay(), session);

        // The session reads an untrusted page: a rule now asks a question the first answer did not answer.
        var fetch = new ToolCallEvent("web_fetch", ToolKind.Function);
        await engine.EvaluateAsync(fetch, session);
        await engine.InspectResultAsync(fetch, session, new ToolResult("Cheap flights! Book now."));
        await guard.AuthorizeAsync(Pay(), session);

        approver.Asked.Should().Be(2);
        approver.Requests[1].Decision.RuleIds.Should().Contain("approve-pay-after-untrusted");
    }

    [Fact]
    public async Task Remembered_NeverPastADenyingRule()
    {
        var (guard, _, approver) = Create(ApprovalMemory.SameTool);
        var session = Session();
        await guard.AuthorizeAsync(Pay(), session);

        var big = await guard.AuthorizeAsync(Pay("bob", 50000), session);

        big.Effect.Should().Be(DecisionEffect.Deny);
        big.RuleIds.Should().Contain("no-big-payments");
    }

    [Theory]
    [InlineData("Never", ApprovalMemory.SameTool, 2)]
    [InlineData("SameCall", ApprovalMemory.SameTool, 2)]
    [InlineData("SameTool", ApprovalMemory.SameTool, 1)]
    public async Task TheOperatorsCap_BoundsWhatIsRemembered(string cap, ApprovalMemory answer, int asked)
    {
        var (guard, _, approver) = Create(answer, remember: cap);
        var session = Session();

        // The same tool, other arguments: only a tool-wide answer covers the second call.
        await guard.AuthorizeAsync(Pay("bob", 500), session);
        await guard.AuthorizeAsync(Pay("carol", 700), session);

        approver.Asked.Should().Be(asked);
    }

    [Fact]
    public async Task NoSessionId_NothingIsRemembered()
    {
        var (guard, _, approver) = Create(ApprovalMemory.SameTool);

        await guard.AuthorizeAsync(Pay(), GuardContext.Empty);
        await guard.AuthorizeAsync(Pay(), GuardContext.Empty);

        approver.Asked.Should().Be(2, "without a session there is nothing to scope the answer to");
    }

    [Fact]
    public void ARememberCapThatIsNoScope_StopsStartNamingTheKey()
    {
        var start = () => TestHost.Create(Policy("Forever")).GetRequiredService<ToolGuard>();

        start.Should().Throw<Exception>().Where(e => e.ToString().Contains("Approval:Remember") && e.ToString().Contains("Forever"));
    }

    private sealed class Approver(ApprovalMemory remember) : IApprovalHandler
    {
        public int Asked => Requests.Count;

        public List<ApprovalRequest> Requests { get; } = [];

        public ValueTask<ApprovalResponse> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return ValueTask.FromResult(new ApprovalResponse(true, "manager") { Remember = remember });
        }
    }
}
