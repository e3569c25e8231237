using AgentGuard;
using AgentGuard.SemanticKernel;
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
    /// The chat completion services registered before this call (<c>AddOpenAIChatCompletion</c> and the like, keyed or
    /// not) are wrapped so that their answers pass the <see cref="ReplyGuard"/>: an image URL the rules refuse is removed
    /// from the assistant's text before the application shows it. Register the chat completion service first.
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
        return builder;
    }

    /// <summary>A chat completion service whose answers pass the reply guard.</summary>
    private static IChatCompletionService GuardReplies(IChatCompletionService service, IServiceProvider services, bool owned)
        => new ReplyGuardedChatCompletionService(service, services.GetRequiredService<ReplyGuard>(), services.GetRequiredService<ToolGuard>().ContextResolver, owned);

    internal static SemanticKernelGuard CreateGuard(IServiceProvider services)
    {
        var toolGuard = services.GetService<ToolGuard>()
            ?? throw new InvalidOperationException(
                "AgentGuard is not registered in this service provider: call services.AddAgentGuard(...) before guarding Semantic Kernel.");
        var loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        return new SemanticKernelGuard(toolGuard, loggerFactory.CreateLogger<SemanticKernelGuard>());
    }
}
