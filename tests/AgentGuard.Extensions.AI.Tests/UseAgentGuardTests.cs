using System.Security.Claims;
using AgentGuard.Extensions.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using static AgentGuard.Extensions.AI.Tests.GuardHost;

namespace AgentGuard.Extensions.AI.Tests;

public sealed class UseAgentGuardTests
{
    private readonly Tools _tools = new();

    private static IChatClient Pipeline(IServiceProvider services, ScriptedChatClient model, Action<FunctionInvokingChatClient>? configure = null)
        => new ChatClientBuilder(model).UseAgentGuard().UseFunctionInvocation(configure: configure).Build(services);

    private static List<FunctionResultContent> Results(IEnumerable<ChatMessage> messages)
        => [.. messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>()];

    [Fact]
    public async Task GetResponseAsync_DeniedAndAllowedCalls_DeniedNeverRunsAndModelGetsMessage()
    {
        await using var services = Create();
        var model = new ScriptedChatClient(
            ScriptedChatClient.CallTools(("c1", "delete_file", Args(("path", "/etc"))), ("c2", "read_file", Args(("path", "a.txt")))),
            ScriptedChatClient.Say("done"));
        var client = Pipeline(services, model);

        var response = await client.GetResponseAsync("clean up", new ChatOptions { Tools = [_tools.DeleteFile, _tools.ReadFile] });

        _tools.Deleted.Should().Be(0);
        _tools.Read.Should().Be(1);
        response.Text.Should().Be("done");
        var results = Results(model.Requests[1]);
        results.Single(r => r.CallId == "c1").Result!.ToString().Should().Contain("delete_file was not run");
        results.Single(r => r.CallId == "c2").Result!.ToString().Should().Be("contents of a.txt");
    }

    [Fact]
    public async Task GetStreamingResponseAsync_DeniedCall_NeverRuns()
    {
        await using var services = Create();
        var model = new ScriptedChatClient(
            ScriptedChatClient.CallTools(("c1", "delete_file", Args(("path", "/etc"))), ("c2", "read_file", Args(("path", "a.txt")))),
            ScriptedChatClient.Say("done"));
        var client = Pipeline(services, model);

        var updates = await client.GetStreamingResponseAsync("clean up", new ChatOptions { Tools = [_tools.DeleteFile, _tools.ReadFile] }).ToListAsync();

        _tools.Deleted.Should().Be(0);
        _tools.Read.Should().Be(1);
        updates.ToChatResponse().Text.Should().Be("done");
        Results(model.Requests[1]).Single(r => r.CallId == "c1").Result!.ToString().Should().Contain("was not run");
    }

    [Fact]
    public async Task GetResponseAsync_ConcurrentInvocation_EveryCallGuarded()
    {
        await using var services = Create();
        var model = new ScriptedChatClient(
            ScriptedChatClient.CallTools(
                ("c1", "delete_file", Args(("path", "/a"))), ("c2", "read_file", Args(("path", "a"))),
                ("c3", "delete_file", Args(("path", "/b"))), ("c4", "read_file", Args(("path", "b")))),
            ScriptedChatClient.Say("done"));
        var client = Pipeline(services, model, f => f.AllowConcurrentInvocation = true);

        await client.GetResponseAsync("go", new ChatOptions { Tools = [_tools.DeleteFile, _tools.ReadFile] });

        _tools.Deleted.Should().Be(0);
        _tools.Read.Should().Be(2);
    }

    [Fact]
    public async Task GetResponseAsync_AdditionalTools_Guarded()
    {
        await using var services = Create();
        var model = new ScriptedChatClient(
            ScriptedChatClient.CallTools(("c1", "delete_file", Args(("path", "/etc"))), ("c2", "read_file", Args(("path", "x")))),
            ScriptedChatClient.Say("done"));
        var client = Pipeline(services, model, f => f.AdditionalTools = [_tools.DeleteFile, _tools.ReadFile]);

        await client.GetResponseAsync("go");

        _tools.Deleted.Should().Be(0);
        _tools.Read.Should().Be(1);
    }

    [Fact]
    public async Task GetResponseAsync_PreviousFunctionInvoker_StillRunsAfterGuard()
    {
        await using var services = Create();
        var model = new ScriptedChatClient(
            ScriptedChatClient.CallTools(("c1", "delete_file", Args(("path", "/etc"))), ("c2", "read_file", Args(("path", "x")))),
            ScriptedChatClient.Say("done"));
        var seenByPrevious = new List<string>();
        var client = new ChatClientBuilder(model).UseAgentGuard().UseFunctionInvocation(configure: f => f.FunctionInvoker = (ctx, ct) =>
        {
            seenByPrevious.Add(ctx.Function.Name);
            return ctx.Function.InvokeAsync(ctx.Arguments, ct);
        }).Build(services);

        await client.GetResponseAsync("go", new ChatOptions { Tools = [_tools.DeleteFile, _tools.ReadFile] });

        seenByPrevious.Should().Equal("read_file");
        _tools.Read.Should().Be(1);
    }

    [Fact]
    public async Task Build_GuardBelowFunctionInvocation_ThrowsWithPlacementAdvice()
    {
        await using var services = Create();
        var builder = new ChatClientBuilder(new ScriptedChatClient()).UseFunctionInvocation().UseAgentGuard();

        var build = () => builder.Build(services);

        build.Should().Throw<InvalidOperationException>().WithMessage("*before UseFunctionInvocation()*");
    }

    [Fact]
    public async Task Build_NoFunctionInvocation_Throws()
    {
        await using var services = Create();

        var build = () => new ChatClientBuilder(new ScriptedChatClient()).UseAgentGuard().Build(services);

        build.Should().Throw<InvalidOperationException>().WithMessage("*no FunctionInvokingChatClient*");
    }

    [Fact]
    public async Task Build_AgentGuardNotRegistered_ThrowsNamingAddAgentGuard()
    {
        await Task.Yield();
        var build = () => new ChatClientBuilder(new ScriptedChatClient()).UseAgentGuard().UseFunctionInvocation().Build();

        build.Should().Throw<InvalidOperationException>().WithMessage("*AddAgentGuard*");
    }

    [Fact]
    public async Task GetResponseAsync_DenyWithStopAgent_TerminatesLoop()
    {
        await using var services = Create("""
            { "AgentGuard": { "Rules": [ { "Id": "stop", "Effect": "Deny", "StopAgent": true, "Match": { "Tools": [ "delete_file" ] } } ] } }
            """);
        var model = new ScriptedChatClient(ScriptedChatClient.CallTools(("c1", "delete_file", Args(("path", "/")))), ScriptedChatClient.Say("never"));
        var client = Pipeline(services, model);

        var response = await client.GetResponseAsync("go", new ChatOptions { Tools = [_tools.DeleteFile] });

        model.Calls.Should().Be(1);
        _tools.Deleted.Should().Be(0);
        Results(response.Messages).Single().Result!.ToString().Should().Contain("was not run");
    }

    [Fact]
    public async Task GetResponseAsync_EveryContextField_ReachesEngine()
    {
        var recording = new RecordingPolicy();
        await using var services = Create(configure: b => b.AddPolicy(recording).AddClaimsPrincipal(_ =>
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "claims-user"), new Claim(ClaimTypes.Role, "admin")], "test"))));
        var model = new ScriptedChatClient(ScriptedChatClient.CallTools(("c1", "read_file", Args(("path", "a.txt")))), ScriptedChatClient.Say("done"));
        var client = Pipeline(services, model);
        var options = new ChatOptions
        {
            Tools = [_tools.ReadFile],
            AdditionalProperties = new() { [GuardContextKeys.Environment] = "prod", [GuardContextKeys.DataTags] = "pii", [GuardContextKeys.AgentId] = "billing-agent" },
        };

        using (AgentGuardScope.Begin(new GuardContext { SessionId = "session-7", Team = "payments" }))
        {
            await client.GetResponseAsync(
                [new ChatMessage(ChatRole.System, "You are the billing assistant."), new ChatMessage(ChatRole.User, "earlier question"), new ChatMessage(ChatRole.Assistant, "earlier answer"), new ChatMessage(ChatRole.User, "read a.txt please")],
                options);
        }

        var (call, context) = recording.Seen.Single();
        call.ToolName.Should().Be("read_file");
        call.CallId.Should().Be("c1");
        call.Arguments.ToString().Should().Be("""{"path":"a.txt"}""");
        context.Prompt.Should().Be("earlier question\nread a.txt please", "the prompt is the user's messages of the conversation, oldest first");
        context.Agent!.Id.Should().Be("billing-agent");
        context.Agent.Instructions.Should().Be("You are the billing assistant.");
        context.Conversation!.Select(e => e.Role + ":" + e.Text).Should().Equal("system:You are the billing assistant.", "user:earlier question", "assistant:earlier answer", "user:read a.txt please");
        context.Environment.Should().Be("prod");
        context.DataTags.Should().Contain("pii");
        context.SessionId.Should().Be("session-7");
        context.Team.Should().Be("payments");
        context.User!.Id.Should().Be("claims-user");
        context.User.Roles.Should().Contain("admin");
    }

    [Fact]
    public async Task GetResponseAsync_BatchThenNextTurnThenNextRequest_EachCallSeesItsOwnHistory()
    {
        var recording = new RecordingPolicy();
        await using var services = Create(configure: b => b.AddPolicy(recording));
        var model = new ScriptedChatClient(
            ScriptedChatClient.CallTools(("c1", "read_file", Args(("path", "a.txt"))), ("c2", "read_file", Args(("path", "b.txt")))),
            ScriptedChatClient.CallTools(("c3", "read_file", Args(("path", "c.txt")))),
            ScriptedChatClient.Say("done"),
            ScriptedChatClient.CallTools(("c4", "read_file", Args(("path", "d.txt")))),
            ScriptedChatClient.Say("done again"));
        var client = Pipeline(services, model);
        var options = new ChatOptions { Tools = [_tools.ReadFile] };
        List<ChatMessage> history = [new(ChatRole.User, "read a, b and c")];

        var first = await client.GetResponseAsync(history, options);
        history.AddRange(first.Messages);
        history.Add(new ChatMessage(ChatRole.User, "now read d"));
        options.Instructions = "Be brief.";
        await client.GetResponseAsync(history, options);

        _tools.Read.Should().Be(4);
        var seen = recording.Seen.ToArray();
        seen.Select(s => s.Call.CallId).Should().Equal("c1", "c2", "c3", "c4");
        seen.Select(s => s.Context.Prompt).Should().Equal("read a, b and c", "read a, b and c", "read a, b and c", "read a, b and c\nnow read d");
        seen.Select(s => s.Context.Conversation!.Count).Should().Equal(1, 1, 2, 5);
        seen.Select(s => s.Context.Agent?.Instructions).Should().Equal(null, null, null, "Be brief.");
    }

    [Fact]
    public async Task GetResponseAsync_InsideTool_ScopeCarriesSessionAndCallId()
    {
        await using var services = Create();
        var model = new ScriptedChatClient(ScriptedChatClient.CallTools(("call-42", "read_file", Args(("path", "a")))), ScriptedChatClient.Say("done"));
        var client = Pipeline(services, model);

        await client.GetResponseAsync("go", new ChatOptions { Tools = [_tools.ReadFile], AdditionalProperties = new() { [GuardContextKeys.SessionId] = "s-1" } });

        var scope = _tools.Scopes.Single();
        scope.Should().NotBeNull();
        scope!.Context.SessionId.Should().Be("s-1");
        scope.ToolCall!.CallId.Should().Be("call-42");
        AgentGuardScope.Current.Should().BeNull();
    }

    [Fact]
    public async Task GetResponseAsync_ThrowingCodePolicy_RiskyDeniedHarmlessAllowedWithAlert()
    {
        var audit = new RecordingAuditSink();
        await using var services = Create("""{ "AgentGuard": { "Tools": { "delete_file": { "Tags": [ "destructive" ] } } } }""",
            b => b.AddPolicy(new ThrowingPolicy()).AddAuditSink(audit));
        var model = new ScriptedChatClient(
            ScriptedChatClient.CallTools(("c1", "delete_file", Args(("path", "/"))), ("c2", "read_file", Args(("path", "a")))),
            ScriptedChatClient.Say("done"));
        var client = Pipeline(services, model);

        await client.GetResponseAsync("go", new ChatOptions { Tools = [_tools.DeleteFile, _tools.ReadFile] });

        _tools.Deleted.Should().Be(0);
        _tools.Read.Should().Be(1);
        audit.Records.Single(r => r.ToolName == "read_file").Alert.Should().BeTrue();
        audit.Records.Single(r => r.ToolName == "delete_file").Decision.Should().Be(DecisionEffect.Deny);
    }

    [Fact]
    public async Task GetResponseAsync_HugeArguments_DecidedNotThrown()
    {
        await using var services = Create("""{ "AgentGuard": { "Arguments": { "MaxLength": 100 }, "Tools": { "read_file": { "Risk": "High" } } } }""");
        var model = new ScriptedChatClient(ScriptedChatClient.CallTools(("c1", "read_file", Args(("path", new string('x', 5000))))), ScriptedChatClient.Say("done"));
        var client = Pipeline(services, model);

        var response = await client.GetResponseAsync("go", new ChatOptions { Tools = [_tools.ReadFile] });

        response.Text.Should().Be("done");
        _tools.Read.Should().Be(0);
        Results(model.Requests[1]).Single().Result!.ToString().Should().Contain("was not run");
    }

    [Fact]
    public async Task GetResponseAsync_ResultWithSecret_RedactedBeforeModelSeesIt()
    {
        await using var services = Create("""{ "AgentGuard": { "Detection": { "RedactSecretsInResults": true } } }""",
            services: s => s.AddSingleton<ISecretDetector, TestSecretDetector>());
        var model = new ScriptedChatClient(ScriptedChatClient.CallTools(("c1", "get_token", [])), ScriptedChatClient.Say("done"));
        var client = Pipeline(services, model);

        await client.GetResponseAsync("go", new ChatOptions { Tools = [_tools.Secret] });

        var seen = Results(model.Requests[1]).Single().Result!.ToString();
        seen.Should().NotContain("SECRET123456").And.Contain("ok");
    }

    [Fact]
    public async Task GetResponseAsync_ArgumentsProviderCouldNotParse_DecidedAsMalformed()
    {
        await using var services = Create("""{ "AgentGuard": { "Tools": { "read_file": { "Risk": "High" } } } }""");
        var broken = FunctionCallContent.CreateFromParsedArguments("{not json", "c1", "read_file",
            static text => System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(text));
        var model = new ScriptedChatClient(_ => new ChatMessage(ChatRole.Assistant, [broken]), ScriptedChatClient.Say("done"));
        var client = Pipeline(services, model);

        var response = await client.GetResponseAsync("go", new ChatOptions { Tools = [_tools.ReadFile] });

        broken.Exception.Should().NotBeNull();
        response.Text.Should().Be("done");
        _tools.Read.Should().Be(0);
        Results(model.Requests[1]).Single().Result!.ToString().Should().Contain("read_file was not run");
    }
}
