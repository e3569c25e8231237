using AgentGuard.SemanticKernel.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace AgentGuard.SemanticKernel.Tests;

/// <summary>
/// KernelFunctions handed to a plain M.E.AI pipeline as <c>ChatOptions.Tools</c> run with no kernel in the loop, so
/// no SK filter sees them. That path is guarded by the M.E.AI adapter (<c>UseAgentGuard()</c> on the ChatClientBuilder).
/// </summary>
public sealed class ExtensionsAIBypassTests : IDisposable
{
    // On this path the tool's name is the AIFunction name, "files_delete_file"; the glob covers both spellings.
    private const string Json = """
        {"AgentGuard":{"Rules":[
          {"Id":"no-delete","Effect":"Deny","Match":{"Tools":["*delete_file"]}}
        ]}}
        """;

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task KernelFunctionsAsChatTools_WithoutTheExtensionsAIGuard_RunUnguarded()
    {
        var files = new FilePlugin(_files.Root);

        await RunAsync(files, guardPipeline: false);

        files.Deletes.Should().Be(1, "SK filters are registered but never run on this path");
        _files.Exists("keep.txt").Should().BeFalse();
    }

    [Fact]
    public async Task KernelFunctionsAsChatTools_WithUseAgentGuard_AreDenied()
    {
        var files = new FilePlugin(_files.Root);

        await RunAsync(files, guardPipeline: true);

        files.Deletes.Should().Be(0);
        _files.Exists("keep.txt").Should().BeTrue();
    }

    private static async Task RunAsync(FilePlugin files, bool guardPipeline)
    {
        var services = new ServiceCollection();
        services.AddAgentGuard(GuardedKernel.Configuration(Json).GetSection("AgentGuard")).AddSemanticKernel();
        await using var provider = services.BuildServiceProvider();
        var plugin = KernelPluginFactory.CreateFromObject(files, "files");
        var tools = plugin.AsAIFunctions().Cast<AITool>().ToList();
        var deleteName = tools.Single(t => t.Name.EndsWith("delete_file", StringComparison.Ordinal)).Name;
        var model = new ScriptedChatClient()
            .ThenToolCall("call_1", deleteName, new() { ["path"] = "keep.txt" })
            .ThenAnswer("done");
        var builder = new ChatClientBuilder(model);
        if (guardPipeline)
        {
            builder.UseAgentGuard();
        }

        using var client = builder.UseFunctionInvocation().Build(provider);

        var response = await client.GetResponseAsync("Delete keep.txt", new ChatOptions { Tools = tools });

        response.Text.Should().Be("done");
    }
}
