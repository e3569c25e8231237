using AgentGuard.Extensions.AI;
using AgentGuard.Extensions.AI.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace AgentGuard.SemanticKernel;

/// <summary>Says once, loudly, when a guarded kernel's answers do not pass the reply guard.</summary>
internal sealed partial class SemanticKernelGuard
{
    private int _replyCheckDone;

    /// <summary>
    /// On the first guarded call: warns when the kernel's chat completion service or chat client is not wrapped —
    /// registered after <c>AddSemanticKernel()</c>, or a kernel built by hand and guarded with <c>UseAgentGuard</c> — so its
    /// answers reach the application with every image URL in them.
    /// </summary>
    private void CheckRepliesGuarded(Kernel kernel)
    {
        if (Volatile.Read(ref _replyCheckDone) != 0 || Interlocked.Exchange(ref _replyCheckDone, 1) != 0)
        {
            return;
        }

        if (kernel.Services.GetService<IChatCompletionService>() is { } service and not ReplyGuardedChatCompletionService)
        {
            LogRepliesNotGuarded(service.GetType().Name);
        }
        else if (kernel.Services.GetService<IChatClient>() is { } client
            && client.GetService<ReplyGuardedChatClient>() is null && client.GetService<AgentGuardChatClient>() is null)
        {
            LogRepliesNotGuarded(client.GetType().Name);
        }
    }

    [LoggerMessage(3304, LogLevel.Warning, "The kernel's chat service ({ServiceType}) does not pass its answers through AgentGuard's reply guard: image URLs the rules refuse reach the application. Register the chat completion service or chat client before calling AddSemanticKernel().")]
    private partial void LogRepliesNotGuarded(LogText serviceType);
}
