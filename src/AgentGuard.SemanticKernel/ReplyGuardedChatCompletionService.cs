using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace AgentGuard.SemanticKernel;

/// <summary>
/// A kernel's chat completion service whose answers pass the <see cref="ReplyGuard"/> before the application sees them:
/// an image URL the rules refuse (one an injected page had the model fill with the user's data) is removed from the
/// assistant's text, in every message returned and in every streamed chunk. Prompts (<c>InvokePromptAsync</c>, prompt
/// functions), the chat loop an application writes over <c>GetChatMessageContentAsync</c>, and agents built on the
/// service all get their answers here. Everything else is the inner service's.
/// </summary>
internal sealed class ReplyGuardedChatCompletionService(IChatCompletionService inner, ReplyGuard replies, GuardContextResolver contexts, bool ownsInner)
    : IChatCompletionService, IDisposable
{
    /// <summary>The service this one guards.</summary>
    public IChatCompletionService Inner => inner;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, object?> Attributes => inner.Attributes;

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default)
    {
        var messages = await inner.GetChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken).ConfigureAwait(false);
        await KernelReplies.GuardAsync(
            replies,
            messages,
            (Service: this, History: chatHistory, Settings: executionSettings, Kernel: kernel),
            static s => s.Service.Context(s.History, s.Settings, s.Kernel),
            cancellationToken).ConfigureAwait(false);
        return messages;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default)
        => KernelReplies.GuardStream(
            replies,
            inner.GetStreamingChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken),
            () => Context(chatHistory, executionSettings, kernel),
            KernelReplies.RestChunk,
            cancellationToken);

    /// <summary>Disposes the inner service when this one created it (the container tracks only the decorator).</summary>
    public void Dispose()
    {
        if (ownsInner)
        {
            (inner as IDisposable)?.Dispose();
        }
    }

    /// <summary>The session the answer belongs to: what the history shows, and the host's keys on the kernel and settings.</summary>
    private GuardContext Context(ChatHistory chatHistory, PromptExecutionSettings? settings, Kernel? kernel)
    {
        var seen = KernelContextReader.FromChatHistory(chatHistory);
        var properties = KernelContextReader.Properties(kernel, settings, arguments: null);
        return contexts.Resolve(seen, properties);
    }
}
