using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Shell.Tests;

/// <summary>
/// A shell tool in a real M.E.AI loop (FunctionInvokingChatClient behind UseAgentGuard()): the tool call is allowed,
/// the command line inside it is decided per command with the chat's user and the model's call id. Only the model is scripted.
/// </summary>
public sealed class ChatShellToolTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agentguard-chat-shell-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ShellToolInChat_DestructiveLineDenied_FileStaysAndModelGetsMessage()
    {
        var victim = Path.Combine(_directory, "notes.txt");
        await File.WriteAllTextAsync(victim, "keep");
        var recorder = new RecordingPolicy();
        await using var provider = ShellTestHost.Create(ShellTestHost.DenyRiskyPolicy, b => b.AddPolicy(recorder));
        var shell = provider.GetRequiredService<IGuardedShell>();
        var tool = AIFunctionFactory.Create(
            async (string command) =>
            {
                var result = await shell.RunAsync(command, new ShellRunOptions { WorkingDirectory = _directory });
                return result.Ran ? result.StandardOutput : result.StandardError;
            },
            "run_shell");
        var model = new OneToolCallModel("call-9", "run_shell", new Dictionary<string, object?> { ["command"] = "ls && a=rm; $a -rf ~/" });
        var client = new ChatClientBuilder(model).UseAgentGuard().UseFunctionInvocation().Build(provider);
        var options = new ChatOptions { Tools = [tool], AdditionalProperties = new() { [GuardContextKeys.UserId] = "bob" } };

        var response = await client.GetResponseAsync("tidy up", options);

        response.Text.Should().Be("done");
        File.Exists(victim).Should().BeTrue();
        model.ToolResult.Should().Be("rm was not run: this action is not permitted by policy.");
        var commands = recorder.Seen.Where(s => s.Call.Kind == ToolKind.ShellCommand).ToList();
        commands.Select(s => s.Call.ToolName).Should().Equal("ls", "rm");
        commands.Should().OnlyContain(s => s.Call.ParentCallId == "call-9" && s.Context.User!.Id == "bob");
    }

    /// <summary>The scripted model: one tool call, then "done", keeping the tool's result.</summary>
    private sealed class OneToolCallModel(string callId, string tool, Dictionary<string, object?> arguments) : IChatClient
    {
        public string? ToolResult { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var result = messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().FirstOrDefault();
            if (result is null)
            {
                return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(callId, tool, arguments)])));
            }

            ToolResult = result.Result?.ToString();
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "done")));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
            => throw new NotSupportedException("The tests use the non-streaming API.");

        public object? GetService(Type serviceType, object? serviceKey = null) => serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

        public void Dispose()
        {
        }
    }
}
