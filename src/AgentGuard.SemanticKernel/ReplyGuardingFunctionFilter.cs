using Microsoft.SemanticKernel;

namespace AgentGuard.SemanticKernel;

/// <summary>
/// The answers of a kernel whose chat services are its own (built by hand and guarded with <c>UseAgentGuard</c>, so
/// nothing could wrap them): each function result that holds the model's answer — the chat messages a prompt function
/// returns, or the chunks it streams — passes the <see cref="ReplyGuard"/> on its way out of the function. Added only to
/// such kernels: where the services are wrapped, each answer is decided there, once.
/// </summary>
internal sealed class ReplyGuardingFunctionFilter(ReplyGuard replies, GuardContextResolver contexts) : IFunctionInvocationFilter
{
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await next(context).ConfigureAwait(false);
        var result = context.Result;
        switch (result.GetValue<object>())
        {
            case ChatMessageContent message:
                await KernelReplies.GuardAsync(replies, [message], (Filter: this, Context: context), static s => s.Filter.Context(s.Context), context.CancellationToken).ConfigureAwait(false);
                break;
            case IEnumerable<ChatMessageContent> messages:
                await KernelReplies.GuardAsync(replies, messages, (Filter: this, Context: context), static s => s.Filter.Context(s.Context), context.CancellationToken).ConfigureAwait(false);
                break;
            case IAsyncEnumerable<StreamingChatMessageContent> chunks:
                context.Result = new FunctionResult(result, KernelReplies.GuardStream(replies, chunks, () => Context(context), KernelReplies.RestChunk, context.CancellationToken));
                break;
            case IAsyncEnumerable<StreamingKernelContent> chunks:
                context.Result = new FunctionResult(result, KernelReplies.GuardStream(replies, chunks, () => Context(context), static (held, last) => KernelReplies.RestChunk(held, last as StreamingChatMessageContent), context.CancellationToken));
                break;
            default:
                break;
        }
    }

    /// <summary>The session the answer belongs to: the rendered prompt (when the function has one), and the host's keys on the kernel and arguments.</summary>
    private GuardContext Context(FunctionInvocationContext context)
    {
#pragma warning disable SKEXP0001 // RenderedPrompt: the prompt the user's request became, so that what it gave is known as given.
        var prompt = context.Result.RenderedPrompt;
#pragma warning restore SKEXP0001
        var seen = prompt is null ? null : new GuardContext { Prompt = prompt };
        return contexts.Resolve(seen, KernelContextReader.Properties(context.Kernel, settings: null, context.Arguments));
    }
}
