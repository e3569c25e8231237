using Microsoft.Extensions.AI;
using static AgentGuard.Extensions.AI.Tests.GuardHost;

namespace AgentGuard.Extensions.AI.Tests;

/// <summary>
/// Attacker tests: an approval answers the reasons it was asked for. Between the request and the answer a parallel
/// call in the same session can give a second rule a reason to ask (it reads an untrusted page, so the session is
/// labelled): the person never saw that reason, so the old answer must not cover it. The call is asked about again; a
/// rule that denies it since then still wins. A reason that went away, or a session that gained nothing new, keeps the
/// answer good.
/// </summary>
public sealed class ApprovalReasonBindingTests
{
    private const string Policy = """
        {
          "AgentGuard": {
            "Tools": { "fetch_page": { "Untrusted": true } },
            "Rules": [
              { "Id": "approve-pay", "Effect": "RequireApproval", "Match": { "Tools": [ "pay" ] }, "When": { "Arguments": [ { "Path": "$.amount", "GreaterThan": 100 } ] } },
              { "Id": "approve-pay-after-untrusted", "Effect": "RequireApproval", "Match": { "Tools": [ "pay" ] }, "When": { "SessionLabels": [ "untrusted" ] } }
            ]
          }
        }
        """;

    private const string DenyPolicy = """
        {
          "AgentGuard": {
            "Tools": { "fetch_page": { "Untrusted": true } },
            "Rules": [
              { "Id": "approve-pay", "Effect": "RequireApproval", "Match": { "Tools": [ "pay" ] }, "When": { "Arguments": [ { "Path": "$.amount", "GreaterThan": 100 } ] } },
              { "Id": "no-pay-after-untrusted", "Effect": "Deny", "Match": { "Tools": [ "pay" ] }, "When": { "SessionLabels": [ "untrusted" ] } }
            ]
          }
        }
        """;

    private readonly Tools _tools = new();

    private static IChatClient Pipeline(IServiceProvider services, ScriptedChatClient model)
        => new ChatClientBuilder(model).UseAgentGuard().UseFunctionInvocation().Build(services);

    private ChatOptions Session(string sessionId) => new()
    {
        Tools = [_tools.Pay, _tools.ReadFile, FetchPage],
        AdditionalProperties = new() { [GuardContextKeys.SessionId] = sessionId },
    };

    private static AIFunction FetchPage => AIFunctionFactory.Create((string url) => "Welcome to the page.", "fetch_page");

    private static ToolApprovalRequestContent[] Requests(ChatResponse response)
        => [.. response.Messages.SelectMany(m => m.Contents).OfType<ToolApprovalRequestContent>()];

    /// <summary>Asks to pay bob 500 and returns the history with the approval request and the person's yes.</summary>
    private async Task<List<ChatMessage>> AskAndApprove(IChatClient client, ChatOptions options, Func<Task> meanwhile)
    {
        List<ChatMessage> history = [new(ChatRole.User, "pay bob 500")];
        var first = await client.GetResponseAsync(history, options);
        var request = Requests(first).Single();
        _tools.Paid.Should().Be(0);

        // Between the question and the answer: another request of the same session does something.
        await meanwhile();

        history.AddRange(first.Messages);
        history.Add(new ChatMessage(ChatRole.User, [request.CreateResponse(approved: true)]));
        return history;
    }

    private static Task Parallel(IServiceProvider services, ChatOptions options, string tool, Dictionary<string, object?> arguments)
        => Pipeline(services, new ScriptedChatClient(ScriptedChatClient.CallTools(("p1", tool, arguments)), ScriptedChatClient.Say("read")))
            .GetResponseAsync([new(ChatRole.User, "look at it")], options);

    [Fact]
    public async Task ParallelCallLabelsTheSession_SecondRuleNowAsks_OldApprovalDoesNotRunTheCall()
    {
        await using var services = Create(Policy);
        var options = Session("s-reason-" + Guid.NewGuid().ToString("N"));
        var model = new ScriptedChatClient(ScriptedChatClient.CallTools(("c1", "pay", Args(("to", "bob"), ("amount", 500)))), ScriptedChatClient.Say("done"));
        var client = Pipeline(services, model);
        var history = await AskAndApprove(client, options, () => Parallel(services, options, "fetch_page", Args(("url", "https://evil.example/"))));

        var second = await client.GetResponseAsync(history, options);

        _tools.Paid.Should().Be(0, "the approval answered 'amount over 100', not 'the session read an untrusted page'");
        Requests(second).Should().ContainSingle("the call is put up again, with the reason the person has not seen");
    }

    [Fact]
    public async Task ParallelCallLabelsTheSession_Streaming_OldApprovalDoesNotRunTheCall()
    {
        await using var services = Create(Policy);
        var options = Session("s-reason-" + Guid.NewGuid().ToString("N"));
        var model = new ScriptedChatClient(ScriptedChatClient.CallTools(("c1", "pay", Args(("to", "bob"), ("amount", 500)))), ScriptedChatClient.Say("done"));
        var client = Pipeline(services, model);
        var history = await AskAndApprove(client, options, () => Parallel(services, options, "fetch_page", Args(("url", "https://evil.example/"))));

        var second = (await client.GetStreamingResponseAsync(history, options).ToListAsync()).ToChatResponse();

        _tools.Paid.Should().Be(0);
        Requests(second).Should().ContainSingle();
    }

    [Fact]
    public async Task AskedAgainWithTheNewReason_ApprovedAgain_RunsOnce()
    {
        await using var services = Create(Policy);
        var options = Session("s-reason-" + Guid.NewGuid().ToString("N"));
        var model = new ScriptedChatClient(ScriptedChatClient.CallTools(("c1", "pay", Args(("to", "bob"), ("amount", 500)))), ScriptedChatClient.Say("done"), ScriptedChatClient.Say("done"));
        var client = Pipeline(services, model);
        var history = await AskAndApprove(client, options, () => Parallel(services, options, "fetch_page", Args(("url", "https://evil.example/"))));
        var second = await client.GetResponseAsync(history, options);
        var again = Requests(second).Single();

        history.AddRange(second.Messages);
        history.Add(new ChatMessage(ChatRole.User, [again.CreateResponse(approved: true)]));
        await client.GetResponseAsync(history, options);

        _tools.Paid.Should().Be(1, "the person answered the question with both reasons");
    }

    [Fact]
    public async Task ParallelCallLabelsTheSession_RuleNowDenies_DenyWins()
    {
        await using var services = Create(DenyPolicy);
        var options = Session("s-reason-" + Guid.NewGuid().ToString("N"));
        var model = new ScriptedChatClient(ScriptedChatClient.CallTools(("c1", "pay", Args(("to", "bob"), ("amount", 500)))), ScriptedChatClient.Say("done"));
        var client = Pipeline(services, model);
        var history = await AskAndApprove(client, options, () => Parallel(services, options, "fetch_page", Args(("url", "https://evil.example/"))));

        var second = await client.GetResponseAsync(history, options);

        _tools.Paid.Should().Be(0);
        Requests(second).Should().BeEmpty("a denial is not put up for approval");
    }

    [Fact]
    public async Task ParallelTrustedCall_NothingNewToAsk_ApprovalRunsTheCall()
    {
        await using var services = Create(Policy);
        var options = Session("s-reason-" + Guid.NewGuid().ToString("N"));
        var model = new ScriptedChatClient(ScriptedChatClient.CallTools(("c1", "pay", Args(("to", "bob"), ("amount", 500)))), ScriptedChatClient.Say("done"));
        var client = Pipeline(services, model);
        var history = await AskAndApprove(client, options, () => Parallel(services, options, "read_file", Args(("path", "notes.txt"))));

        await client.GetResponseAsync(history, options);

        _tools.Paid.Should().Be(1);
    }

    [Fact]
    public async Task SessionAlreadyLabelledWhenAsked_BothReasonsShown_ApprovalRunsTheCall()
    {
        await using var services = Create(Policy);
        var options = Session("s-reason-" + Guid.NewGuid().ToString("N"));
        await Parallel(services, options, "fetch_page", Args(("url", "https://evil.example/")));
        var model = new ScriptedChatClient(ScriptedChatClient.CallTools(("c1", "pay", Args(("to", "bob"), ("amount", 500)))), ScriptedChatClient.Say("done"));
        var client = Pipeline(services, model);
        var history = await AskAndApprove(client, options, () => Task.CompletedTask);

        await client.GetResponseAsync(history, options);

        _tools.Paid.Should().Be(1, "nothing was added after the question");
    }

    [Fact]
    public async Task AReasonWentAwayBeforeTheAnswer_ApprovalStillRunsTheCall()
    {
        var review = new TogglePolicy { Asks = true };
        await using var services = Create(Policy, b => b.AddPolicy(review));
        var options = Session("s-reason-" + Guid.NewGuid().ToString("N"));
        var model = new ScriptedChatClient(ScriptedChatClient.CallTools(("c1", "pay", Args(("to", "bob"), ("amount", 500)))), ScriptedChatClient.Say("done"));
        var client = Pipeline(services, model);
        var history = await AskAndApprove(client, options, () =>
        {
            review.Asks = false;
            return Task.CompletedTask;
        });

        await client.GetResponseAsync(history, options);

        _tools.Paid.Should().Be(1, "the person approved with more reasons in view than remain");
    }

    [Fact]
    public async Task CodePolicyStartsAskingBeforeTheAnswer_OldApprovalDoesNotRunTheCall()
    {
        var review = new TogglePolicy();
        await using var services = Create(Policy, b => b.AddPolicy(review));
        var options = Session("s-reason-" + Guid.NewGuid().ToString("N"));
        var model = new ScriptedChatClient(ScriptedChatClient.CallTools(("c1", "pay", Args(("to", "bob"), ("amount", 500)))), ScriptedChatClient.Say("done"));
        var client = Pipeline(services, model);
        var history = await AskAndApprove(client, options, () =>
        {
            review.Asks = true;
            return Task.CompletedTask;
        });

        await client.GetResponseAsync(history, options);

        _tools.Paid.Should().Be(0);
    }

    /// <summary>A code policy that asks for approval of payments while <see cref="Asks"/> is set.</summary>
    private sealed class TogglePolicy : IGuardPolicy
    {
        public bool Asks { get; set; }

        public string Id => "fraud-review";

        public ValueTask<PolicyVerdict> EvaluateAsync(PolicyEvaluationContext context, CancellationToken cancellationToken)
            => ValueTask.FromResult(Asks && context.ToolCall.ToolName == "pay"
                ? new PolicyVerdict(DecisionEffect.RequireApproval, "fraud review")
                : PolicyVerdict.NotApplicable);
    }
}
