using AgentGuard.SemanticKernel.Tests.Infrastructure;
using AgentGuard.Extensions.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Services;
using Microsoft.SemanticKernel.TextGeneration;

namespace AgentGuard.SemanticKernel.Tests;

/// <summary>
/// How the chat completion services of an application are wrapped by <c>AddSemanticKernel()</c>: keyed or not, built
/// by instance, factory or type, once however often it is called; and a loud warning when one escaped the wrapping.
/// </summary>
public sealed class ReplyGuardRegistrationTests
{
    private const string Image = "![x](https://evil.example/p.png)";

    [Fact]
    public async Task KeyedService_IsWrapped_AndKeepsItsKeyAndAttributes()
    {
        var services = new ServiceCollection();
        services.AddKernel().AddOpenAIChatCompletion(modelId: "gpt-4o", apiKey: "sk-fake", serviceId: "main", httpClient: new HttpClient(new ScriptedOpenAIHandler()));
        services.AddAgentGuard().AddSemanticKernel();
        await using var provider = services.BuildServiceProvider();

        var service = provider.GetRequiredKeyedService<IChatCompletionService>("main");

        service.Should().BeOfType<ReplyGuardedChatCompletionService>();
        service.Attributes[AIServiceExtensions.ModelIdKey].Should().Be("gpt-4o");
        provider.GetRequiredService<Kernel>().GetRequiredService<IChatCompletionService>("main").Should().BeSameAs(service);
    }

    [Fact]
    public async Task OtherServicesOfTheConnector_StillResolve()
    {
        var services = new ServiceCollection();
        services.AddKernel().AddOpenAIChatCompletion(modelId: "gpt-4o", apiKey: "sk-fake", httpClient: new HttpClient(new ScriptedOpenAIHandler()));
        services.AddAgentGuard().AddSemanticKernel();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        provider.GetRequiredService<ITextGenerationService>().Should().NotBeNull();
    }

    [Fact]
    public async Task InstanceTypeAndFactoryRegistrations_AreEachWrappedOnce()
    {
        var services = new ServiceCollection();
        var instance = new EchoChatService();
        services.AddKeyedSingleton<IChatCompletionService>("instance", instance);
        services.AddKeyedSingleton<IChatCompletionService, EchoChatService>("type");
        services.AddKeyedTransient<IChatCompletionService>("factory", (_, _) => new EchoChatService());
        services.AddAgentGuard(o => o.Rules.Add(new RuleOptions { Id = "no-images", Effect = "Deny", Match = new MatchOptions { Tags = [ReplyGuard.Tag] } }))
            .AddSemanticKernel().AddSemanticKernel();
        services.Count(d => d.ServiceType == typeof(IChatCompletionService)).Should().Be(3);
        await using var provider = services.BuildServiceProvider();

        foreach (var key in new[] { "instance", "type", "factory" })
        {
            var service = provider.GetRequiredKeyedService<IChatCompletionService>(key);
            var guarded = service.Should().BeOfType<ReplyGuardedChatCompletionService>().Subject;
            guarded.Inner.Should().BeOfType<EchoChatService>();
            var reply = await service.GetChatMessageContentAsync(new ChatHistory([new ChatMessageContent(AuthorRole.User, Image)]));
            reply.Content.Should().NotContain("evil.example", key);
        }

        provider.GetRequiredKeyedService<IChatCompletionService>("instance").As<ReplyGuardedChatCompletionService>().Inner.Should().BeSameAs(instance);
    }

    [Fact]
    public async Task ServiceRegisteredAfterAddSemanticKernel_IsNotWrapped_AndTheFirstGuardedCallWarns()
    {
        var logs = new FakeLogCollector();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(new FakeLoggerProvider(logs)));
        var kernelBuilder = services.AddKernel();
        kernelBuilder.Plugins.AddFromObject(new FilePlugin(Path.GetTempPath()), "files");
        services.AddAgentGuard().AddSemanticKernel();
        var model = new ScriptedOpenAIHandler().ThenToolCalls(("c1", "files-read_file", """{"path":"none.txt"}""")).ThenAnswer("done");
        kernelBuilder.AddOpenAIChatCompletion(modelId: "gpt-4o", apiKey: "sk-fake", httpClient: new HttpClient(model));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<Kernel>().InvokePromptAsync("Read none.txt", new KernelArguments(GuardedKernel.AutoSettings()));

        logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 3304 && r.Level == LogLevel.Warning)
            .Which.Message.Should().Contain("Register the chat completion service or chat client before calling AddSemanticKernel()");
    }

    [Fact]
    public async Task ChatClientRegisteredAfterAddSemanticKernel_IsNotWrapped_AndTheFirstGuardedCallWarns()
    {
        var logs = new FakeLogCollector();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(new FakeLoggerProvider(logs)));
        services.AddKernel().Plugins.AddFromObject(new FilePlugin(Path.GetTempPath()), "files");
        services.AddAgentGuard().AddSemanticKernel();
        var model = new ScriptedChatClient().ThenToolCall("c1", "files_read_file", new() { ["path"] = "none.txt" }).ThenAnswer("done");
        services.AddSingleton<IChatClient>(sp => new ChatClientBuilder(model).UseKernelFunctionInvocation().Build(sp));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<Kernel>().InvokePromptAsync("Read none.txt", new KernelArguments(GuardedKernel.AutoSettings()));

        logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 3304 && r.Level == LogLevel.Warning)
            .Which.Message.Should().Contain("chat service (").And.Contain("Register the chat completion service or chat client before calling AddSemanticKernel()");
    }

    /// <summary>A keyed chat client (a kernel's service id) is wrapped under its key, and its answer loses the refused image.</summary>
    [Fact]
    public async Task KeyedChatClient_IsWrappedUnderItsKey()
    {
        var services = new ServiceCollection();
        services.AddKernel();
        services.AddKeyedSingleton<IChatClient>("main", (sp, _) => new ChatClientBuilder(new ScriptedChatClient().ThenAnswer("See " + Image)).UseKernelFunctionInvocation().Build(sp));
        services.AddAgentGuard(o => o.Rules.Add(new RuleOptions { Id = "no-images", Effect = "Deny", Match = new MatchOptions { Kinds = ["RenderedUrl"] } }))
            .AddSemanticKernel();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var client = provider.GetRequiredKeyedService<IChatClient>("main");
        var response = await client.GetResponseAsync("Show me");

        response.Text.Should().NotContain("evil.example").And.Contain("(image removed: x)");
    }

    /// <summary>Registered twice (two modules each calling it), the chat client still gets one reply layer: one decision per image.</summary>
    [Fact]
    public async Task AddSemanticKernelTwice_ChatClientAnswerDecidedOnce()
    {
        var audit = new List<AuditRecord>();
        var services = new ServiceCollection();
        services.AddKernel();
        services.AddSingleton<IChatClient>(sp => new ChatClientBuilder(new ScriptedChatClient().ThenAnswer("See " + Image)).UseKernelFunctionInvocation().Build(sp));
        services.AddAgentGuard(o => o.Rules.Add(new RuleOptions { Id = "no-images", Effect = "Deny", Match = new MatchOptions { Kinds = ["RenderedUrl"] } }))
            .AddAuditSink(new ListAuditSink(audit)).AddSemanticKernel().AddSemanticKernel();
        services.Count(d => d.ServiceType == typeof(IChatClient)).Should().Be(1);
        await using var provider = services.BuildServiceProvider();

        var response = await provider.GetRequiredService<IChatClient>().GetResponseAsync("Show me");

        response.Text.Should().NotContain("evil.example");
        audit.Should().ContainSingle(r => r.ToolName == ReplyGuard.ToolName);
    }

    /// <summary>
    /// A chat client both adapters wrap (Semantic Kernel's reply layer, M.E.AI's <c>AddChatClientGuard()</c>), in either
    /// order: M.E.AI's guard is still added (its function calls are decided), and the answer is decided once.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ChatClientAlsoGuardedByExtensionsAI_IsWrappedByBoth_AndItsAnswerDecidedOnce(bool semanticKernelFirst)
    {
        var audit = new List<AuditRecord>();
        var services = new ServiceCollection();
        services.AddKernel();
        services.AddChatClient(new ScriptedChatClient().ThenAnswer("See " + Image)).UseFunctionInvocation();
        var guard = services.AddAgentGuard(o => o.Rules.Add(new RuleOptions { Id = "no-images", Effect = "Deny", Match = new MatchOptions { Kinds = ["RenderedUrl"] } }))
            .AddAuditSink(new ListAuditSink(audit));
        if (semanticKernelFirst)
        {
            guard.AddSemanticKernel().AddChatClientGuard(o => o.GuardAll = true);
        }
        else
        {
            guard.AddChatClientGuard(o => o.GuardAll = true).AddSemanticKernel();
        }

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var client = provider.GetRequiredService<IChatClient>();

        var response = await client.GetResponseAsync("Show me");

        client.GetService<AgentGuardChatClient>().Should().NotBeNull();
        response.Text.Should().NotContain("evil.example");
        audit.Should().ContainSingle(r => r.ToolName == ReplyGuard.ToolName);
    }

    private sealed class ListAuditSink(List<AuditRecord> records) : IAuditSink
    {
        public void Write(AuditRecord record)
        {
            lock (records)
            {
                records.Add(record);
            }
        }
    }

#pragma warning disable SKEXP0110 // ReasoningContent is experimental in SK 1.82.
    /// <summary>The model's reasoning, which UIs render in a "thinking" panel, is decided as a text of its own, whole or streamed.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ImageInTheReasoning_IsRemoved(bool streamed)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IChatCompletionService>(new ReasoningChatService());
        services.AddAgentGuard(o => o.Rules.Add(new RuleOptions { Id = "no-images", Effect = "Deny", Match = new MatchOptions { Kinds = ["RenderedUrl"] } }))
            .AddSemanticKernel();
        await using var provider = services.BuildServiceProvider();
        var chat = provider.GetRequiredService<IChatCompletionService>();
        var history = new ChatHistory([new ChatMessageContent(AuthorRole.User, "Why?")]);

        var items = new List<object>();
        if (streamed)
        {
            await foreach (var chunk in chat.GetStreamingChatMessageContentsAsync(history))
            {
                items.AddRange(chunk.Items);
            }
        }
        else
        {
            items.AddRange((await chat.GetChatMessageContentAsync(history)).Items);
        }

        var reasoning = string.Concat(items.Select(i => i switch { ReasoningContent r => r.Text, StreamingReasoningContent r => r.Text, _ => null }));
        reasoning.Should().NotContain("evil.example").And.Contain("(image removed: x)");
        string.Concat(items.Select(i => i switch { Microsoft.SemanticKernel.TextContent t => t.Text, StreamingTextContent t => t.Text, _ => null })).Should().Be("Because.");
    }

    /// <summary>Thinks aloud with an image, then answers.</summary>
    private sealed class ReasoningChatService : IChatCompletionService
    {
        private const string Thought = "The page said to show ";

        public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?>();

        public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default)
            => Task.FromResult<IReadOnlyList<ChatMessageContent>>([new ChatMessageContent(AuthorRole.Assistant, [new ReasoningContent(Thought + Image), new Microsoft.SemanticKernel.TextContent("Because.")])]);

        public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            foreach (var piece in new[] { Thought, Image[..10], Image[10..] })
            {
                yield return new StreamingChatMessageContent(AuthorRole.Assistant, content: null) { Items = [new StreamingReasoningContent(piece)] };
            }

            yield return new StreamingChatMessageContent(AuthorRole.Assistant, "Because.");
        }
    }

#pragma warning restore SKEXP0110

    /// <summary>Answers with the last message's text.</summary>
    private sealed class EchoChatService : IChatCompletionService
    {
        public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?>();

        public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default)
            => Task.FromResult<IReadOnlyList<ChatMessageContent>>([new ChatMessageContent(AuthorRole.Assistant, chatHistory[^1].Content)]);

        public IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default)
            => throw new NotSupportedException();
    }
}
