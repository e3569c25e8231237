using System.ComponentModel;
using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace AgentGuard.Benchmarks;

/// <summary>
/// One auto-invocation round trip (model asks for a function, the function runs, the model answers) through the real
/// Semantic Kernel loop with a scripted model, unguarded vs guarded by AgentGuard's filters. Two loops: the OpenAI
/// connector over a fake HTTP handler, and the lighter IChatClient path (<c>UseKernelFunctionInvocation</c>).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SemanticKernelBenchmarks
{
    private Kernel _connectorUnguarded = null!;
    private Kernel _connectorGuarded = null!;
    private Kernel _chatClientUnguarded = null!;
    private Kernel _chatClientGuarded = null!;
    private Kernel _chatClientNoOpFilters = null!;
    private KernelArguments _arguments = null!;
    private KernelArguments _sessionArguments = null!;

    [GlobalSetup]
    public void Setup()
    {
        _connectorUnguarded = Connector(guarded: false);
        _connectorGuarded = Connector(guarded: true);
        _chatClientUnguarded = ChatClient(guarded: false);
        _chatClientGuarded = ChatClient(guarded: true);
        _chatClientNoOpFilters = ChatClient(guarded: false, noOpFilters: true);
        _arguments = new KernelArguments(new PromptExecutionSettings
        {
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(),
            ExtensionData = new Dictionary<string, object> { [GuardContextKeys.UserId] = "alice" },
        });

        // The same conversation for every iteration: the session's history and seen-text memory are full.
        _sessionArguments = new KernelArguments(new PromptExecutionSettings
        {
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(),
            ExtensionData = new Dictionary<string, object> { [GuardContextKeys.SessionId] = "bench", [GuardContextKeys.UserId] = "alice" },
        });

        // Every variant must make the full round trip (the answer only comes after the function's result).
        foreach (var kernel in new[] { _connectorUnguarded, _connectorGuarded, _chatClientUnguarded, _chatClientGuarded, _chatClientNoOpFilters })
        {
            var answer = kernel.InvokePromptAsync("When is the meeting?", _arguments).GetAwaiter().GetResult().ToString();
            if (answer != "At noon.")
            {
                throw new InvalidOperationException($"The scripted round trip did not complete: '{answer}'.");
            }
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory("OpenAI connector")]
    public Task<FunctionResult> Connector_Unguarded() => _connectorUnguarded.InvokePromptAsync("When is the meeting?", _arguments);

    [Benchmark, BenchmarkCategory("OpenAI connector")]
    public Task<FunctionResult> Connector_Guarded() => _connectorGuarded.InvokePromptAsync("When is the meeting?", _arguments);

    [Benchmark, BenchmarkCategory("OpenAI connector")]
    public Task<FunctionResult> Connector_Guarded_LongSession() => _connectorGuarded.InvokePromptAsync("When is the meeting?", _sessionArguments);

    [Benchmark(Baseline = true), BenchmarkCategory("IChatClient")]
    public Task<FunctionResult> ChatClient_Unguarded() => _chatClientUnguarded.InvokePromptAsync("When is the meeting?", _arguments);

    /// <summary>What SK itself charges for running any auto and function filter (two that only call next).</summary>
    [Benchmark, BenchmarkCategory("IChatClient")]
    public Task<FunctionResult> ChatClient_NoOpFilters() => _chatClientNoOpFilters.InvokePromptAsync("When is the meeting?", _arguments);

    [Benchmark, BenchmarkCategory("IChatClient")]
    public Task<FunctionResult> ChatClient_Guarded() => _chatClientGuarded.InvokePromptAsync("When is the meeting?", _arguments);

    [Benchmark, BenchmarkCategory("IChatClient")]
    public Task<FunctionResult> ChatClient_Guarded_LongSession() => _chatClientGuarded.InvokePromptAsync("When is the meeting?", _sessionArguments);

    private static Kernel Connector(bool guarded)
    {
        var services = new ServiceCollection();
        var kernel = services.AddKernel();
        kernel.AddOpenAIChatCompletion("gpt-4o", "sk-fake", httpClient: new HttpClient(new LoopingOpenAIHandler()));
        kernel.Plugins.AddFromType<CalendarPlugin>("calendar");
        AddGuard(services, guarded);
        return services.BuildServiceProvider().GetRequiredService<Kernel>();
    }

    private static Kernel ChatClient(bool guarded, bool noOpFilters = false)
    {
        var services = new ServiceCollection();
        services.AddKernel().Plugins.AddFromType<CalendarPlugin>("calendar");
        services.AddSingleton<IChatClient>(sp => new ChatClientBuilder(new LoopingChatClient()).UseKernelFunctionInvocation().Build(sp));
        if (noOpFilters)
        {
            services.AddSingleton<IAutoFunctionInvocationFilter, NoOpFilter>();
            services.AddSingleton<IFunctionInvocationFilter, NoOpFilter>();
        }

        AddGuard(services, guarded);
        return services.BuildServiceProvider().GetRequiredService<Kernel>();
    }

    private static void AddGuard(IServiceCollection services, bool guarded)
    {
        if (guarded)
        {
            // A realistic small policy: a deny, an approval and a session-label rule; none matches the benchmark's call.
            services.AddAgentGuard(o =>
            {
                o.Tools["delete_*"] = new ToolOptions { Tags = ["destructive"], Risk = "High" };
                o.Rules.Add(new RuleOptions { Id = "no-delete", Effect = "Deny", Match = new MatchOptions { Tools = ["delete_*"] } });
                o.Rules.Add(new RuleOptions { Id = "approve-payments", Effect = "RequireApproval", Match = new MatchOptions { Tags = ["payment"] } });
                o.Rules.Add(new RuleOptions
                {
                    Id = "no-external-secrets",
                    Effect = "Deny",
                    Match = new MatchOptions { Tools = ["send_*"] },
                    When = new WhenOptions { SessionLabels = ["secret-seen"] },
                });
            }).AddSemanticKernel();
        }
    }

    /// <summary>The function the scripted model calls.</summary>
    public sealed class CalendarPlugin
    {
        /// <summary>Finds a meeting.</summary>
        [KernelFunction("find_meeting"), Description("Finds a meeting")]
        public static string FindMeeting([Description("topic")] string topic, [Description("day")] string day) => $"{topic} on {day} at noon in room 4";
    }

    /// <summary>A filter that only calls next.</summary>
    private sealed class NoOpFilter : IAutoFunctionInvocationFilter, IFunctionInvocationFilter
    {
        public Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next) => next(context);

        public Task OnFunctionInvocationAsync(Microsoft.SemanticKernel.FunctionInvocationContext context, Func<Microsoft.SemanticKernel.FunctionInvocationContext, Task> next) => next(context);
    }

    /// <summary>Odd requests ask for the function, even requests answer: one round trip per prompt.</summary>
    private sealed class LoopingOpenAIHandler : HttpMessageHandler
    {
        private static readonly byte[] ToolCall = Encoding.UTF8.GetBytes("""{"id":"c1","object":"chat.completion","created":1700000000,"model":"gpt-4o","choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"calendar-find_meeting","arguments":"{\"topic\":\"standup\",\"day\":\"monday\"}"}}]}}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""");
        private static readonly byte[] Answer = Encoding.UTF8.GetBytes("""{"id":"c2","object":"chat.completion","created":1700000001,"model":"gpt-4o","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"At noon."}}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""");
        private long _requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = Interlocked.Increment(ref _requests) % 2 == 1 ? ToolCall : Answer;
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        }
    }

    /// <summary>Asks for the function unless the last message is its result.</summary>
    private sealed class LoopingChatClient : IChatClient
    {
        private static readonly ChatClientMetadata Metadata = new("scripted", null, "scripted-model");

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var answered = messages.LastOrDefault()?.Contents.OfType<Microsoft.Extensions.AI.FunctionResultContent>().Any() == true;
            var message = answered
                ? new ChatMessage(ChatRole.Assistant, "At noon.")
                : new ChatMessage(ChatRole.Assistant, [new Microsoft.Extensions.AI.FunctionCallContent("call_1", "calendar_find_meeting", new Dictionary<string, object?> { ["topic"] = "standup", ["day"] = "monday" })]);
            return Task.FromResult(new ChatResponse(message));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
            => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null)
            => serviceType == typeof(ChatClientMetadata) ? Metadata : null;

        public void Dispose()
        {
        }
    }
}
