using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Benchmarks;

/// <summary>A full FICC round trip (model asks for a tool, tool runs, model answers) with and without AgentGuard.</summary>
[MemoryDiagnoser]
public class ExtensionsAIBenchmarks
{
    private ServiceProvider _services = null!;
    private IChatClient _plain = null!;
    private IChatClient _guarded = null!;
    private ChatOptions _options = null!;
    private List<ChatMessage> _messages = null!;

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AgentGuard:Rules:0:Id"] = "no-delete",
            ["AgentGuard:Rules:0:Effect"] = "Deny",
            ["AgentGuard:Rules:0:Match:Tools:0"] = "delete_*",
        }).Build();
        var services = new ServiceCollection();
        services.AddAgentGuard(configuration.GetSection("AgentGuard"));
        _services = services.BuildServiceProvider();
        _plain = new ChatClientBuilder(new LoopingModel()).UseFunctionInvocation().Build(_services);
        _guarded = new ChatClientBuilder(new LoopingModel()).UseAgentGuard().UseFunctionInvocation().Build(_services);
        _options = new ChatOptions { Tools = [AIFunctionFactory.Create((string path) => path.Length, "read_file")] };
        _messages = [new ChatMessage(ChatRole.User, "read a.txt")];
    }

    [GlobalCleanup]
    public void Cleanup() => _services.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public Task<ChatResponse> Unguarded() => _plain.GetResponseAsync(_messages, _options);

    [Benchmark]
    public Task<ChatResponse> Guarded() => _guarded.GetResponseAsync(_messages, _options);

    /// <summary>The engine's share of the guarded round trip: decide the call and inspect its result.</summary>
    [Benchmark]
    public async Task<string?> EngineOnly()
    {
        var guard = _services.GetRequiredService<ToolGuard>();
        var call = new ToolCallEvent("read_file") { Arguments = ToolArguments.FromPairs([new("path", "a.txt")]), CallId = "call_1" };
        var context = guard.ContextResolver.Resolve();
        await guard.AuthorizeAsync(call, context, useApprovalHandler: false);
        return await guard.InspectResultAsync(call, context, "5");
    }

    /// <summary>Calls read_file on a user turn, answers after a tool turn.</summary>
    private sealed class LoopingModel : IChatClient
    {
        private static readonly Dictionary<string, object?> Arguments = new() { ["path"] = "a.txt" };

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
            => Task.FromResult(new ChatResponse(Next(messages)));

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            foreach (var update in new ChatResponse(Next(messages)).ToChatResponseUpdates())
            {
                yield return update;
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null)
            => serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted") : null;

        public void Dispose()
        {
        }

        private static ChatMessage Next(IEnumerable<ChatMessage> messages)
            => messages.Last().Role == ChatRole.Tool
                ? new ChatMessage(ChatRole.Assistant, "done")
                : new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call_1", "read_file", new Dictionary<string, object?>(Arguments))]);
    }
}
