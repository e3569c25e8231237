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
