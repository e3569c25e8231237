using AgentGuard;
using AgentGuard.Extensions.AI;
using AgentGuard.Extensions.AI.Internal;
using AgentGuard.SemanticKernel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Turns AgentGuard on for Semantic Kernel: <c>services.AddAgentGuard(config).AddSemanticKernel()</c>.</summary>
public static class AgentGuardSemanticKernelServiceCollectionExtensions
{
    /// <summary>
    /// Registers AgentGuard's Semantic Kernel filters in the same service collection, so every <see cref="Kernel"/>
    /// built from it (<c>services.AddKernel()</c>, <c>Kernel.CreateBuilder()</c>'s services) guards its functions:
    /// calls the model makes through function-choice auto-invocation, and plugin functions invoked directly.
    /// No change to the agent code is needed. Calling it twice registers the filters once.
    /// The chat completion services and chat clients registered before this call (<c>AddOpenAIChatCompletion</c>, an
    /// <c>IChatClient</c> with <c>UseKernelFunctionInvocation()</c>, and the like, keyed or not) are wrapped so that their
    /// answers pass the <see cref="ReplyGuard"/>: an image URL the rules refuse is removed from the assistant's text before
    /// the application shows it. Register them first.
    /// </summary>
    /// <param name="builder">The builder <c>AddAgentGuard</c> returned.</param>
    /// <returns>The same builder.</returns>
    public static AgentGuardBuilder AddSemanticKernel(this AgentGuardBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(CreateGuard);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAutoFunctionInvocationFilter, AgentGuardAutoFunctionFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFunctionInvocationFilter, AgentGuardFunctionFilter>());
        ServiceDecoration<IChatCompletionService>.DecorateAll(services, GuardReplies);
        ServiceDecoration<IChatClient>.DecorateAll(services, GuardClientReplies);
        return builder;
    }

    /// <summary>A chat completion service whose answers pass the reply guard.</summary>
    private static IChatCompletionService GuardReplies(IChatCompletionService service, IServiceProvider services, bool owned)
        => new ReplyGuardedChatCompletionService(service, services.GetRequiredService<ReplyGuard>(), services.GetRequiredService<ToolGuard>().ContextResolver, owned);

    /// <summary>
    /// A chat client whose answers pass the reply guard, unless its pipeline guards them already
    /// (<c>UseAgentGuard()</c>, <c>AddChatClientGuard()</c>): each answer is decided once.
    /// </summary>
    private static IChatClient GuardClientReplies(IChatClient client, IServiceProvider services, bool owned)
    {
        if (client.GetService<AgentGuardChatClient>() is not null || client.GetService<ReplyGuardedChatClient>() is not null)
        {
            return client;
        }

        // Semantic Kernel hands the execution settings' extension data (the host's session keys) to the client as the
        // options' additional properties, and the request's messages are the chat history: read as M.E.AI's adapter reads them.
        var contexts = services.GetRequiredService<ToolGuard>().ContextResolver;
        var replies = new ChatReplies(services.GetRequiredService<ReplyGuard>(), (messages, options) => contexts.Resolve(FunctionCallTranslator.Seen(messages, options, agent: null), options?.AdditionalProperties));
        return new ReplyGuardedChatClient(client, replies, owned);
    }

    internal static SemanticKernelGuard CreateGuard(IServiceProvider services)
    {
        var toolGuard = services.GetService<ToolGuard>()
            ?? throw new InvalidOperationException(
                "AgentGuard is not registered in this service provider: call services.AddAgentGuard(...) before guarding Semantic Kernel.");
        var loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        return new SemanticKernelGuard(toolGuard, loggerFactory.CreateLogger<SemanticKernelGuard>());
    }
}
