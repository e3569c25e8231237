using System.Text;
using AgentGuard.SemanticKernel.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using static AgentGuard.SemanticKernel.Tests.Infrastructure.ReplyScenario;

namespace AgentGuard.SemanticKernel.Tests;

/// <summary>
/// The reply as the exfiltration channel (<see cref="ReplyScenario"/>) through SK's real loops — the OpenAI connector's
/// auto-invocation, SK's function loop over an <c>IChatClient</c>, a kernel built by hand and guarded afterwards — under
/// the default pack. Every way an application gets the answer from a kernel — a prompt, a prompt function, the chat
/// service it resolves, streamed or not — gets it with the image removed.
/// </summary>
public sealed class ReplyImageExfiltrationTests
{
    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(ReplyScenario))]
    public async Task Prompt_ImageCarryingTheUsersEmail_IsRemoved(KernelKind kind)
    {
        var kernel = Agent(kind, Exfiltrating);

        var result = await kernel.InvokePromptAsync(Prompt, new KernelArguments(Settings()));

        result.ToString().Should().NotContain("evil.example").And.Be(Removed);
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(ReplyScenario))]
    public async Task StreamedPrompt_ImageCarryingTheUsersEmail_IsRemoved(KernelKind kind)
    {
        var kernel = Agent(kind, Exfiltrating);

        var text = new StringBuilder();
        await foreach (var update in kernel.InvokePromptStreamingAsync(Prompt, new KernelArguments(Settings())))
        {
            text.Append(update);
        }

        text.ToString().Should().NotContain("evil.example").And.Be(Removed);
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(ReplyScenario))]
    public async Task StreamedPromptAsChatMessageContents_ImageCarryingTheUsersEmail_IsRemoved(KernelKind kind)
    {
        var kernel = Agent(kind, Exfiltrating);

        var text = new StringBuilder();
        await foreach (var update in kernel.InvokePromptStreamingAsync<StreamingChatMessageContent>(Prompt, new KernelArguments(Settings())))
        {
            text.Append(update.Content);
        }

        text.ToString().Should().NotContain("evil.example").And.Be(Removed);
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(ReplyScenario))]
    public async Task PromptFunctionAsString_ImageCarryingTheUsersEmail_IsRemoved(KernelKind kind)
    {
        var kernel = Agent(kind, Exfiltrating);
        var summarize = kernel.CreateFunctionFromPrompt(Prompt);

        var result = await kernel.InvokeAsync<string>(summarize, new KernelArguments(Settings()));

        result.Should().NotContain("evil.example").And.Be(Removed);
    }

    [Fact]
    public async Task ChatService_ImageCarryingTheUsersEmail_IsRemoved()
    {
        var kernel = Agent(KernelKind.Connector, Exfiltrating);
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var history = new ChatHistory();
        history.AddUserMessage(Prompt);

        var reply = await chat.GetChatMessageContentAsync(history, Settings(), kernel);

        reply.Content.Should().NotContain("evil.example").And.Be(Removed);
        reply.Items.OfType<TextContent>().Select(t => t.Text).Should().NotContain(t => t != null && t.Contains("evil.example"));
    }

    [Fact]
    public async Task StreamedChatService_ImageCarryingTheUsersEmail_IsRemoved()
    {
        var kernel = Agent(KernelKind.Connector, Exfiltrating);
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var history = new ChatHistory();
        history.AddUserMessage(Prompt);

        var text = new StringBuilder();
        await foreach (var update in chat.GetStreamingChatMessageContentsAsync(history, Settings(), kernel))
        {
            text.Append(update.Content);
        }

        text.ToString().Should().NotContain("evil.example").And.Be(Removed);
    }

    /// <summary>Look-alike: an image the user's own prompt gave is kept, in a session that read the untrusted page too.</summary>
    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(ReplyScenario))]
    public async Task Prompt_ImageTheUserGave_IsKept(KernelKind kind)
    {
        const string reply = "Here it is: ![chart](https://charts.example/q3.png)";
        var kernel = Agent(kind, reply);

        var result = await kernel.InvokePromptAsync(Prompt + " Show https://charts.example/q3.png too.", new KernelArguments(Settings()));

        result.ToString().Should().Be(reply);
    }

    /// <summary>Look-alike, streamed.</summary>
    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(ReplyScenario))]
    public async Task StreamedPrompt_ImageTheUserGave_IsKept(KernelKind kind)
    {
        const string reply = "Here it is: ![chart](https://charts.example/q3.png)";
        var kernel = Agent(kind, reply);

        var text = new StringBuilder();
        await foreach (var update in kernel.InvokePromptStreamingAsync(Prompt + " Show https://charts.example/q3.png too.", new KernelArguments(Settings())))
        {
            text.Append(update);
        }

        text.ToString().Should().Be(reply);
    }

    /// <summary>The removal is one audited decision of the one pipeline, under the rendered-URL tool name.</summary>
    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(ReplyScenario))]
    public async Task RemovedImage_IsOneAuditedDecision(KernelKind kind)
    {
        var audit = new AuditRecorder();
        var kernel = Agent(kind, Exfiltrating, configure: b => b.AddDefaultPolicyPack().AddAuditSink(audit));

        await kernel.InvokePromptAsync(Prompt, new KernelArguments(Settings()));

        var refused = audit.Records.Should().ContainSingle(r => r.ToolName == ReplyGuard.ToolName).Subject;
        refused.Decision.Should().Be(DecisionEffect.Deny);
        refused.Kind.Should().Be(ToolKind.RenderedUrl);
        refused.Rules.Should().Contain("pack-rendered-url-untrusted");
    }

    /// <summary>A kernel from the application's services is wrapped there: guarding it again by hand decides each answer once.</summary>
    [Fact]
    public async Task KernelWhoseServiceIsWrapped_GuardedAgainByHand_DecidesTheAnswerOnce()
    {
        var audit = new AuditRecorder();
        var provider = GuardedKernel.Services(Connector(Exfiltrating), """{ "AgentGuard": {} }""", b => b.AddDefaultPolicyPack().AddAuditSink(audit), Plugins);
        var kernel = provider.GetRequiredService<Kernel>().UseAgentGuard(provider);

        var result = await kernel.InvokePromptAsync(Prompt, new KernelArguments(Settings()));

        result.ToString().Should().Be(Removed);
        audit.Records.Should().ContainSingle(r => r.ToolName == ReplyGuard.ToolName);
    }

    /// <summary>Without AgentGuard the same kernel shows the image: the tests above are not passing by accident.</summary>
    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(ReplyScenario))]
    public async Task Unguarded_TheImageReachesTheReader(KernelKind kind)
    {
        var kernel = Agent(kind, Exfiltrating, guarded: false);

        var result = await kernel.InvokePromptAsync(Prompt, new KernelArguments(Settings()));

        result.ToString().Should().Contain("evil.example");
    }
}
