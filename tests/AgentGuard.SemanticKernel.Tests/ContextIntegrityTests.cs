using AgentGuard.SemanticKernel.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using FunctionCallContent = Microsoft.SemanticKernel.FunctionCallContent;
using FunctionResultContent = Microsoft.SemanticKernel.FunctionResultContent;

namespace AgentGuard.SemanticKernel.Tests;

/// <summary>
/// Attacker tests: nothing the model emits — arguments, author names — sets the session context on any SK invocation
/// path. The host sets it in <c>kernel.Data</c>, execution settings or the ambient scope.
/// </summary>
public sealed class ContextIntegrityTests : IDisposable
{
    private const string Policy = """
        {"AgentGuard":{
          "Tools":{"read_file":{"Untrusted":true}},
          "Rules":[
            {"Id":"no-delete-in-prod","Effect":"Deny","Match":{"Tools":["delete_file"]},"When":{"Environments":["prod"]}},
            {"Id":"admins-only","Effect":"Deny","Match":{"Tools":["delete_file"]},"When":{"User":{"NotGroups":["admins"]}}},
            {"Id":"no-delete-after-untrusted","Effect":"Deny","Match":{"Tools":["delete_file"]},"When":{"SessionLabels":["untrusted"]}}
          ]}}
        """;

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("agentguard.environment", "dev", "no-delete-in-prod")]
    [InlineData("agentguard.user_groups", "admins", "admins-only")]
    [InlineData("agentguard.session_id", "fresh-session", "no-delete-after-untrusted")]
    public async Task ManualFunctionCalling_ContextKeyInTheModelsArguments_DoesNotOverrideTheHost(string key, string value, string expectedRule)
    {
        var policy = new RecordingPolicy();
        var model = new ScriptedOpenAIHandler().ThenToolCalls(("call_1", "files-delete_file", $$"""{"path":"keep.txt","{{key}}":"{{value}}"}"""));
        var files = new FilePlugin(_files.Root);
        var kernel = GuardedKernel.Create(model, Policy, b => b.AddPolicy(policy), ("files", files));
        kernel.Data[GuardContextKeys.SessionId] = "s-host";
        kernel.Data[GuardContextKeys.UserId] = "mallory";
        kernel.Data[GuardContextKeys.Environment] = "prod";
        await kernel.InvokeAsync("files", "read_file", new KernelArguments { ["path"] = "notes.txt" }); // labels s-host untrusted

        var settings = new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false) };
        ChatHistory history = [];
        history.AddUserMessage("Tidy up keep.txt");
        var reply = await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(history, settings, kernel);
        var results = new List<FunctionResultContent>();
        foreach (var call in FunctionCallContent.GetFunctionCalls(reply))
        {
            results.Add(await call.InvokeAsync(kernel));
        }

        files.Deletes.Should().Be(0);
        _files.Exists("keep.txt").Should().BeTrue();
        var decision = results.Should().ContainSingle().Subject.InnerContent.Should().BeOfType<FunctionResult>().Subject.GetAgentGuardDecision();
        decision!.RuleIds.Should().Contain(expectedRule);
        var seen = policy.Evaluated.Last().Context;
        seen.SessionId.Should().Be("s-host");
        seen.Environment.Should().Be("prod");
        seen.User!.Groups.Should().BeEmpty();
    }

    [Fact]
    public async Task DirectInvocation_ContextKeysAmongTheArguments_AreArgumentsNotContext()
    {
        var policy = new RecordingPolicy();
        var files = new FilePlugin(_files.Root);
        var kernel = GuardedKernel.Create(new ScriptedOpenAIHandler(), Policy, b => b.AddPolicy(policy), ("files", files));
        kernel.Data[GuardContextKeys.UserId] = "mallory";
        kernel.Data[GuardContextKeys.Environment] = "prod";

        await kernel.InvokeAsync("files", "delete_file", new KernelArguments { ["path"] = "keep.txt", [GuardContextKeys.Environment] = "dev", [GuardContextKeys.UserGroups] = "admins" });

        files.Deletes.Should().Be(0);
        var (call, context) = policy.Evaluated.Single();
        context.Environment.Should().Be("prod");
        context.User!.Groups.Should().BeEmpty();
        call.Arguments.ToString().Should().Contain("agentguard.environment", "a name the caller chose is decided as the argument it is");
    }

    [Fact]
    public async Task FunctionOutsideAPluginInvokedWithTheModelsArguments_DoesNotChangeTheContextOfCallsInside()
    {
        var policy = new RecordingPolicy();
        var files = new FilePlugin(_files.Root);
        var kernel = GuardedKernel.Create(new ScriptedOpenAIHandler(), Policy, b => b.AddPolicy(policy), ("files", files));
        var relay = KernelFunctionFactory.CreateFromMethod((Kernel k) => k.InvokeAsync("files", "delete_file", new KernelArguments { ["path"] = "keep.txt" }), "relay");

        // A function outside any plugin passes through undecided; arguments a model wrote must not become the context
        // of the calls made inside it.
        using (AgentGuardScope.Begin(new GuardContext { User = new GuardUser("mallory"), Environment = "prod" }))
        {
            await kernel.InvokeAsync(relay, new KernelArguments { [GuardContextKeys.Environment] = "dev", [GuardContextKeys.UserGroups] = "admins" });
        }

        files.Deletes.Should().Be(0);
        var context = policy.Evaluated.Single().Context;
        context.Environment.Should().Be("prod");
        context.User!.Groups.Should().BeEmpty();
    }

    [Fact]
    public async Task AutoInvocation_AuthorNameOfTheModelsMessage_DoesNotReplaceTheHostsAgent()
    {
        const string json = """
            {"AgentGuard":{"Rules":[
              {"Id":"billing-agent-may-not-delete","Effect":"Deny","Match":{"Tools":["delete_file"]},"When":{"Agents":["billing"]}}
            ]}}
            """;
        var policy = new RecordingPolicy();
        var model = new ScriptedChatClient()
            .ThenToolCall("call_1", "files_delete_file", new() { ["path"] = "keep.txt" }, authorName: "maintenance")
            .ThenAnswer("done");
        var files = new FilePlugin(_files.Root);
        var services = new ServiceCollection();
        services.AddKernel().Plugins.AddFromObject(files, "files");
        services.AddSingleton<IChatClient>(sp => new ChatClientBuilder(model).UseKernelFunctionInvocation().Build(sp));
        services.AddAgentGuard(GuardedKernel.Configuration(json).GetSection("AgentGuard")).AddSemanticKernel().AddPolicy(policy);
        var kernel = services.BuildServiceProvider().GetRequiredService<Kernel>();

        using (AgentGuardScope.Begin(new GuardContext { Agent = new GuardAgent("billing") }))
        {
            await kernel.InvokePromptAsync("Tidy up", new KernelArguments(new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }));
        }

        files.Deletes.Should().Be(0);
        policy.Evaluated.Single().Context.Agent!.Id.Should().Be("billing");
    }
}
