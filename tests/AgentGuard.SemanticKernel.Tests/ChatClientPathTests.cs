using AgentGuard.SemanticKernel.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace AgentGuard.SemanticKernel.Tests;

/// <summary>The IChatClient path: <c>new ChatClientBuilder(model).UseKernelFunctionInvocation()</c> runs SK's loop over an M.E.AI client.</summary>
public sealed class ChatClientPathTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task KernelFunctionInvocation_DeniedFunction_DoesNotRunAndModelSeesPolicyMessage()
    {
        var model = new ScriptedChatClient()
            .ThenToolCall("call_1", "files_delete_file", new() { ["path"] = "keep.txt" })
            .ThenAnswer("could not");
        var files = new FilePlugin(_files.Root);
        var kernel = Build(model, files, policy: null);

        var result = await kernel.InvokePromptAsync("Delete keep.txt", new KernelArguments(new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }));

        result.ToString().Should().Be("could not");
        files.Deletes.Should().Be(0);
        _files.Exists("keep.txt").Should().BeTrue();
        model.ToolResultSent("call_1")?.ToString().Should().Be("delete_file was not run: this action is not permitted by policy.");
    }

    [Fact]
    public async Task KernelFunctionInvocation_AllowedFunction_RunsAndIsEvaluatedOnce()
    {
        var policy = new RecordingPolicy();
        var model = new ScriptedChatClient()
            .ThenToolCall("call_1", "files_read_file", new() { ["path"] = "notes.txt" })
            .ThenAnswer("noon");
        var files = new FilePlugin(_files.Root);
        var kernel = Build(model, files, policy);

        var result = await kernel.InvokePromptAsync("When?", new KernelArguments(new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }));

        result.ToString().Should().Be("noon");
        files.Reads.Should().Be(1);
        var (call, context) = policy.Evaluated.Should().ContainSingle().Subject;
        call.ToolName.Should().Be("read_file");
        call.Source.Should().Be("files");
        call.Kind.Should().Be(ToolKind.Function);
        call.CallId.Should().Be("call_1");
        context.Prompt.Should().Be("When?");
    }

    [Fact]
    public async Task KernelFunctionInvocation_Streaming_DeniedFunctionDoesNotRun()
    {
        var model = new ScriptedChatClient()
            .ThenToolCall("call_1", "files_delete_file", new() { ["path"] = "keep.txt" })
            .ThenAnswer("could not");
        var files = new FilePlugin(_files.Root);
        var kernel = Build(model, files, policy: null);

        var text = new System.Text.StringBuilder();
        await foreach (var update in kernel.InvokePromptStreamingAsync("Delete keep.txt", new KernelArguments(new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() })))
        {
            text.Append(update);
        }

        text.ToString().Should().Be("could not");
        files.Deletes.Should().Be(0);
        _files.Exists("keep.txt").Should().BeTrue();
    }

    private static Kernel Build(ScriptedChatClient model, FilePlugin files, RecordingPolicy? policy)
    {
        var services = new ServiceCollection();
        services.AddKernel().Plugins.AddFromObject(files, "files");
        services.AddSingleton<IChatClient>(sp => new ChatClientBuilder(model).UseKernelFunctionInvocation().Build(sp));
        var guard = services.AddAgentGuard(GuardedKernel.Configuration(GuardedKernel.DenyDeletes).GetSection("AgentGuard")).AddSemanticKernel();
        if (policy is not null)
        {
            guard.AddPolicy(policy);
        }

        return services.BuildServiceProvider().GetRequiredService<Kernel>();
    }
}
