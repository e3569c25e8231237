using AgentGuard.SemanticKernel.Tests.Infrastructure;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.SemanticKernel.Tests;

/// <summary>Model-driven calls through the real OpenAI connector's auto-invocation loop.</summary>
public sealed class AutoInvocationTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task AutoInvocation_AllowedFunction_RunsAndModelSeesResult()
    {
        var model = new ScriptedOpenAIHandler()
            .ThenToolCalls(("call_1", "files-read_file", """{"path":"notes.txt"}"""))
            .ThenAnswer("the meeting is at noon");
        var files = new FilePlugin(_files.Root);
        var kernel = GuardedKernel.Create(model, GuardedKernel.DenyDeletes, null, ("files", files));

        var result = await kernel.InvokePromptAsync("When is the meeting?", new KernelArguments(GuardedKernel.AutoSettings()));

        result.ToString().Should().Be("the meeting is at noon");
        files.Reads.Should().Be(1);
        model.ToolResultSent("call_1").Should().Be("meeting at noon");
    }

    [Fact]
    public async Task AutoInvocation_DeniedFunction_DoesNotRunAndModelSeesPolicyMessage()
    {
        var model = new ScriptedOpenAIHandler()
            .ThenToolCalls(("call_1", "files-delete_file", """{"path":"keep.txt"}"""))
            .ThenAnswer("I could not delete it");
        var files = new FilePlugin(_files.Root);
        var kernel = GuardedKernel.Create(model, GuardedKernel.DenyDeletes, null, ("files", files));

        var result = await kernel.InvokePromptAsync("Delete keep.txt", new KernelArguments(GuardedKernel.AutoSettings()));

        files.Deletes.Should().Be(0);
        _files.Exists("keep.txt").Should().BeTrue();
        model.Requests.Should().Be(2, "the loop goes on after a denial");
        model.ToolResultSent("call_1").Should().Be("delete_file was not run: this action is not permitted by policy.");
        result.ToString().Should().Be("I could not delete it");
    }

    [Fact]
    public async Task AutoInvocation_DeniedWithStopAgent_TerminatesLoopWithoutAnotherModelCall()
    {
        const string json = """
            {"AgentGuard":{"Rules":[
              {"Id":"no-delete","Effect":"Deny","StopAgent":true,"Match":{"Tools":["delete_file"]}}
            ]}}
            """;
        var model = new ScriptedOpenAIHandler()
            .ThenToolCalls(("call_1", "files-delete_file", """{"path":"keep.txt"}"""), ("call_2", "files-read_file", """{"path":"notes.txt"}"""))
            .ThenAnswer("never sent");
        var files = new FilePlugin(_files.Root);
        var kernel = GuardedKernel.Create(model, json, null, ("files", files));

        var result = await kernel.InvokePromptAsync("Delete keep.txt", new KernelArguments(GuardedKernel.AutoSettings()));

        model.Requests.Should().Be(1);
        files.Deletes.Should().Be(0);
        files.Reads.Should().Be(0, "the loop stopped before the next call");
        _files.Exists("keep.txt").Should().BeTrue();
        result.ToString().Should().Be("delete_file was not run: this action is not permitted by policy.");
    }

    [Fact]
    public async Task AutoInvocation_OneCall_IsEvaluatedOnceAsAFunctionOfItsPlugin()
    {
        var policy = new RecordingPolicy();
        var model = new ScriptedOpenAIHandler()
            .ThenToolCalls(("call_1", "files-read_file", """{"path":"notes.txt"}"""))
            .ThenAnswer("done");
        var files = new FilePlugin(_files.Root);
        var kernel = GuardedKernel.Create(model, GuardedKernel.DenyDeletes, b => b.AddPolicy(policy), ("files", files));

        await kernel.InvokePromptAsync("Read notes.txt", new KernelArguments(GuardedKernel.AutoSettings()));

        files.Reads.Should().Be(1);
        var call = policy.Evaluated.Should().ContainSingle().Subject.Call;
        call.ToolName.Should().Be("read_file");
        call.Source.Should().Be("files");
        call.Kind.Should().Be(ToolKind.Function);
        call.CallId.Should().Be("call_1");
        call.Arguments.Root.GetProperty("path").GetString().Should().Be("notes.txt");
    }

    [Fact]
    public async Task AutoInvocation_PromptRenderPath_IsUntouchedAndNotDecided()
    {
        var policy = new RecordingPolicy();
        var prompts = new RecordingPromptFilter();
        var model = new ScriptedOpenAIHandler()
            .ThenToolCalls(("call_1", "files-read_file", """{"path":"notes.txt"}"""))
            .ThenAnswer("done");
        var files = new FilePlugin(_files.Root);
        var kernel = GuardedKernel.Create(model, GuardedKernel.DenyDeletes, b => b.AddPolicy(policy), ("files", files));
        kernel.PromptRenderFilters.Add(prompts);

        var result = await kernel.InvokePromptAsync("Read {{$file}} for {{$who}}",
            new KernelArguments(GuardedKernel.AutoSettings()) { ["file"] = "notes.txt", ["who"] = "bob" });

        result.ToString().Should().Be("done");
        prompts.Rendered.Should().ContainSingle().Which.Should().Be("Read notes.txt for bob");
        policy.Evaluated.Select(e => e.Call.ToolName).Should().Equal("read_file");
        result.GetAgentGuardDecision().Should().BeNull();
    }

    [Fact]
    public async Task AutoInvocation_PromptWithoutTools_RecordsNoDecision()
    {
        var policy = new RecordingPolicy();
        var model = new ScriptedOpenAIHandler().ThenAnswer("hello");
        var kernel = GuardedKernel.Create(model, GuardedKernel.DenyDeletes, b => b.AddPolicy(policy), ("files", new FilePlugin(_files.Root)));

        var result = await kernel.InvokePromptAsync("Say hello");

        result.ToString().Should().Be("hello");
        policy.Evaluated.Should().BeEmpty();
    }

    [Fact]
    public async Task AutoInvocation_Context_ComesFromChatHistoryAndExecutionSettings()
    {
        var policy = new RecordingPolicy();
        var model = new ScriptedOpenAIHandler()
            .ThenToolCalls(("call_1", "files-read_file", """{"path":"notes.txt"}"""))
            .ThenAnswer("done");
        var kernel = GuardedKernel.Create(model, GuardedKernel.DenyDeletes, b => b.AddPolicy(policy), ("files", new FilePlugin(_files.Root)));
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var history = new ChatHistory("You are a filing assistant.");
        history.AddUserMessage("hi");
        history.AddAssistantMessage("hello, how can I help?");
        history.AddUserMessage("What is in notes.txt?");

        await chat.GetChatMessageContentAsync(history, GuardedKernel.AutoSettings(sessionId: "s-42", userId: "alice"), kernel);

        var context = policy.Evaluated.Should().ContainSingle().Subject.Context;
        context.SessionId.Should().Be("s-42");
        context.User!.Id.Should().Be("alice");
        context.Prompt.Should().Be("hi\nWhat is in notes.txt?", "the prompt is the user's messages of the conversation, oldest first");
        context.Agent!.Instructions.Should().Be("You are a filing assistant.");
        context.Conversation!.Select(c => c.Role + ":" + c.Text).Should().StartWith(
            ["system:You are a filing assistant.", "user:hi", "assistant:hello, how can I help?", "user:What is in notes.txt?"]);
    }

    [Fact]
    public async Task AutoInvocation_SessionKeysSuppliedByTheModel_AreIgnored()
    {
        const string json = """
            {"AgentGuard":{"Rules":[
              {"Id":"admins-only","Effect":"Deny","Match":{"Tools":["delete_file"]},"When":{"User":{"NotGroups":["admins"]}}}
            ]}}
            """;
        var policy = new RecordingPolicy();
        var model = new ScriptedOpenAIHandler()
            .ThenToolCalls(("call_1", "files-delete_file", """{"path":"keep.txt","agentguard.user_id":"root","agentguard.user_groups":"admins"}"""))
            .ThenAnswer("done");
        var files = new FilePlugin(_files.Root);
        var kernel = GuardedKernel.Create(model, json, b => b.AddPolicy(policy), ("files", files));

        await kernel.InvokePromptAsync("Delete keep.txt", new KernelArguments(GuardedKernel.AutoSettings(sessionId: "s-1", userId: "mallory")));

        files.Deletes.Should().Be(0);
        _files.Exists("keep.txt").Should().BeTrue();
        policy.Evaluated.Single().Context.User!.Id.Should().Be("mallory");
    }

    [Fact]
    public async Task AutoInvocation_InsideTheFunction_ScopeCarriesSessionAndCall()
    {
        var probe = new ProbePlugin();
        var model = new ScriptedOpenAIHandler()
            .ThenToolCalls(("call_7", "probe-whoami", "{}"))
            .ThenAnswer("done");
        var kernel = GuardedKernel.Create(model, GuardedKernel.DenyDeletes, null, ("probe", probe));

        await kernel.InvokePromptAsync("Who am I?", new KernelArguments(GuardedKernel.AutoSettings(sessionId: "s-scope")));

        probe.Seen.Should().ContainSingle().Which.Should().Be(("s-scope", "call_7", "whoami"));
        AgentGuardScope.Current.Should().BeNull("the scope closes when the function returns");
    }

    [Fact]
    public async Task AutoInvocation_SessionKeysInTheArgumentsSettings_ReachTheToolCalls()
    {
        var policy = new RecordingPolicy();
        var probe = new ProbePlugin();
        var model = new ScriptedOpenAIHandler()
            .ThenToolCalls(("call_1", "probe-whoami", "{}"))
            .ThenAnswer("done");
        var kernel = GuardedKernel.Create(model, GuardedKernel.DenyDeletes, b => b.AddPolicy(policy), ("probe", probe));

        await kernel.InvokePromptAsync("Who am I?",
            new KernelArguments(GuardedKernel.AutoSettings(sessionId: "s-args", userId: "carol")));

        var context = policy.Evaluated.Should().ContainSingle().Subject.Context;
        context.SessionId.Should().Be("s-args");
        context.User!.Id.Should().Be("carol");
        probe.Seen.Single().SessionId.Should().Be("s-args");
    }

    [Fact]
    public async Task AutoInvocation_ResultWithSecret_IsRedactedBeforeTheModelSeesIt()
    {
        const string json = """{"AgentGuard":{"Detection":{"RedactSecretsInResults":true}}}""";
        File.WriteAllText(Path.Combine(_files.Root, "env.txt"), "KEY=sk-live-ABCDEFGHIJKLMNOPQRST");
        var model = new ScriptedOpenAIHandler()
            .ThenToolCalls(("call_1", "files-read_file", """{"path":"env.txt"}"""))
            .ThenAnswer("done");
        var files = new FilePlugin(_files.Root);
        var kernel = GuardedKernel.Create(model, json, b => b.Services.AddSingleton<ISecretDetector, FakeKeyDetector>(), ("files", files));

        await kernel.InvokePromptAsync("Read env.txt", new KernelArguments(GuardedKernel.AutoSettings()));

        files.Reads.Should().Be(1);
        var sent = model.ToolResultSent("call_1");
        sent.Should().StartWith("KEY=").And.NotContain("sk-live-ABCDEFGHIJKLMNOPQRST");
        model.LastRequest.Should().NotContain("sk-live-ABCDEFGHIJKLMNOPQRST");
    }

    [Fact]
    public async Task AutoInvocation_UntrustedResultLabelsSession_LaterCallIsDenied()
    {
        const string json = """
            {"AgentGuard":{
              "Tools":{"read_file":{"Untrusted":true}},
              "Rules":[{"Id":"no-delete-after-untrusted","Effect":"Deny","Match":{"Tools":["delete_file"]},"When":{"SessionLabels":["untrusted"]}}]}}
            """;
        var model = new ScriptedOpenAIHandler()
            .ThenToolCalls(("call_1", "files-read_file", """{"path":"notes.txt"}"""))
            .ThenToolCalls(("call_2", "files-delete_file", """{"path":"keep.txt"}"""))
            .ThenAnswer("done");
        var files = new FilePlugin(_files.Root);
        var kernel = GuardedKernel.Create(model, json, null, ("files", files));

        await kernel.InvokePromptAsync("Read notes then delete keep.txt", new KernelArguments(GuardedKernel.AutoSettings(sessionId: "s-taint")));

        files.Reads.Should().Be(1);
        files.Deletes.Should().Be(0);
        _files.Exists("keep.txt").Should().BeTrue();
    }

    [Fact]
    public async Task AutoInvocation_FunctionCallingCodeFromInside_InnerCallIsDecidedOnItsOwn()
    {
        var policy = new RecordingPolicy();
        var files = new FilePlugin(_files.Root);
        var model = new ScriptedOpenAIHandler()
            .ThenToolCalls(("call_1", "probe-nested", "{}"))
            .ThenAnswer("done");
        var kernel = GuardedKernel.Create(model, GuardedKernel.DenyDeletes, b => b.AddPolicy(policy), ("probe", new ProbePlugin()), ("files", files));

        await kernel.InvokePromptAsync("Go", new KernelArguments(GuardedKernel.AutoSettings()));

        files.Deletes.Should().Be(0);
        _files.Exists("keep.txt").Should().BeTrue();
        policy.Evaluated.Select(e => (e.Call.ToolName, e.Call.Kind, e.Call.ParentCallId)).Should().Equal(
            ("nested", ToolKind.Function, null),
            ("delete_file", ToolKind.Connector, "call_1"));
        model.ToolResultSent("call_1").Should().Be("inner: delete_file was not run: this action is not permitted by policy.");
    }

    [Fact]
    public async Task AutoInvocation_ConcurrentCalls_EachIsEvaluatedOnceAndEnforcedOnItsOwn()
    {
        var policy = new RecordingPolicy();
        var model = new ScriptedOpenAIHandler()
            .ThenToolCalls(
                ("call_1", "files-read_file", """{"path":"notes.txt"}"""),
                ("call_2", "files-delete_file", """{"path":"keep.txt"}"""),
                ("call_3", "files-read_file", """{"path":"keep.txt"}"""))
            .ThenAnswer("done");
        var files = new FilePlugin(_files.Root);
        var kernel = GuardedKernel.Create(model, GuardedKernel.DenyDeletes, b => b.AddPolicy(policy), ("files", files));
        var settings = new PromptExecutionSettings
        {
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(options: new FunctionChoiceBehaviorOptions { AllowConcurrentInvocation = true }),
        };

        await kernel.InvokePromptAsync("Read both, delete one", new KernelArguments(settings));

        files.Reads.Should().Be(2);
        files.Deletes.Should().Be(0);
        _files.Exists("keep.txt").Should().BeTrue();
        policy.Evaluated.Select(e => e.Call.CallId).Should().BeEquivalentTo(["call_1", "call_2", "call_3"]);
        model.ToolResultSent("call_1").Should().Be("meeting at noon");
        model.ToolResultSent("call_2").Should().Be("delete_file was not run: this action is not permitted by policy.");
        model.ToolResultSent("call_3").Should().Be("do not delete");
    }

    [Fact]
    public async Task AutoInvocation_ArgumentsChangedAfterTheDecision_AreDecidedAgain()
    {
        const string json = """
            {"AgentGuard":{"Rules":[
              {"Id":"keep-keep","Effect":"Deny","Match":{"Tools":["delete_file"]},"When":{"Arguments":[{"Path":"$.path","Equals":"keep.txt"}]}}
            ]}}
            """;
        var policy = new RecordingPolicy();
        var files = new FilePlugin(_files.Root);
        var model = new ScriptedOpenAIHandler()
            .ThenToolCalls(("call_1", "files-delete_file", """{"path":"notes.txt"}"""))
            .ThenAnswer("done");
        var kernel = GuardedKernel.Create(model, json, b => b.AddPolicy(policy), ("files", files));
        kernel.AutoFunctionInvocationFilters.Add(new RetargetingFilter());

        await kernel.InvokePromptAsync("Delete notes.txt", new KernelArguments(GuardedKernel.AutoSettings()));

        files.Deletes.Should().Be(0);
        _files.Exists("keep.txt").Should().BeTrue();
        _files.Exists("notes.txt").Should().BeTrue();
        policy.Evaluated.Select(e => (e.Call.Arguments.ToString(), e.Call.Kind, e.Call.CallId)).Should().Equal(
            ("""{"path":"notes.txt"}""", ToolKind.Function, "call_1"),
            ("""{"path":"keep.txt"}""", ToolKind.Function, "call_1"));
        model.ToolResultSent("call_1").Should().Be("delete_file was not run: this action is not permitted by policy.");
    }

    /// <summary>A filter registered after AgentGuard that rewrites the arguments once they were decided.</summary>
    private sealed class RetargetingFilter : IAutoFunctionInvocationFilter
    {
        public Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
        {
            context.Arguments!["path"] = "keep.txt";
            return next(context);
        }
    }

    private sealed class RecordingPromptFilter : IPromptRenderFilter
    {
        public List<string?> Rendered { get; } = [];

        public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
        {
            await next(context);
            Rendered.Add(context.RenderedPrompt);
        }
    }
}
