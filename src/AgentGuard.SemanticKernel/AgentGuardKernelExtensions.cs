using AgentGuard;
using AgentGuard.Extensions.AI;
using AgentGuard.Extensions.AI.Internal;
using AgentGuard.SemanticKernel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Microsoft.SemanticKernel;

/// <summary>Turns AgentGuard on for kernels built by hand.</summary>
public static class AgentGuardKernelExtensions
{
    /// <summary>
    /// Adds AgentGuard, configured from <paramref name="configuration"/> (usually the <c>AgentGuard</c> section), and its
    /// filters to the kernel being built. The kernel gets its own engine; to share the application's engine (sessions,
    /// rate limits, audit), use <see cref="UseAgentGuard(Kernel, IServiceProvider)"/> instead.
    /// </summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="configuration">The AgentGuard configuration section.</param>
    /// <param name="configure">Adds policies, approval handlers, context providers or audit sinks.</param>
    /// <returns>The same kernel builder.</returns>
    public static IKernelBuilder AddAgentGuard(this IKernelBuilder builder, IConfiguration configuration, Action<AgentGuardBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var guard = builder.Services.AddAgentGuard(configuration).AddSemanticKernel();
        configure?.Invoke(guard);
        return builder;
    }

    /// <summary>Adds AgentGuard, configured in code, and its filters to the kernel being built.</summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="configureOptions">Sets the options (rules, mode, defaults).</param>
    /// <param name="configure">Adds policies, approval handlers, context providers or audit sinks.</param>
    /// <returns>The same kernel builder.</returns>
    public static IKernelBuilder AddAgentGuard(this IKernelBuilder builder, Action<AgentGuardOptions>? configureOptions = null, Action<AgentGuardBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var guard = builder.Services.AddAgentGuard(configureOptions).AddSemanticKernel();
        configure?.Invoke(guard);
        return builder;
    }

    /// <summary>
    /// Adds AgentGuard's filters to an existing kernel, deciding with the AgentGuard registered in
    /// <paramref name="services"/> (the application's provider after <c>services.AddAgentGuard(...)</c>). Does nothing
    /// when the kernel already has them. When the kernel's chat services are its own (not wrapped by
    /// <c>AddSemanticKernel()</c>), the answers its prompt functions return or stream pass the <see cref="ReplyGuard"/> too.
    /// </summary>
    /// <param name="kernel">The kernel to guard.</param>
    /// <param name="services">The service provider AgentGuard is registered in.</param>
    /// <returns>The same kernel.</returns>
    /// <exception cref="InvalidOperationException">AgentGuard is not registered in <paramref name="services"/>.</exception>
    public static Kernel UseAgentGuard(this Kernel kernel, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(services);
        if (kernel.AutoFunctionInvocationFilters.OfType<AgentGuardAutoFunctionFilter>().Any()
            && kernel.FunctionInvocationFilters.OfType<AgentGuardFunctionFilter>().Any())
        {
            return kernel;
        }

        var guard = services.GetService<SemanticKernelGuard>() ?? AgentGuardSemanticKernelServiceCollectionExtensions.CreateGuard(services);
        if (!kernel.AutoFunctionInvocationFilters.OfType<AgentGuardAutoFunctionFilter>().Any())
        {
            kernel.AutoFunctionInvocationFilters.Add(new AgentGuardAutoFunctionFilter(guard));
        }

        if (!kernel.FunctionInvocationFilters.OfType<AgentGuardFunctionFilter>().Any())
        {
            kernel.FunctionInvocationFilters.Add(new AgentGuardFunctionFilter(guard));
        }

        // A kernel built by hand has chat services nothing could wrap: its prompt functions' answers are guarded on their
        // way out instead. One from the application's services (AddSemanticKernel() wrapped them) is decided there.
        if (!RepliesGuarded(kernel) && !kernel.FunctionInvocationFilters.OfType<ReplyGuardingFunctionFilter>().Any())
        {
            kernel.FunctionInvocationFilters.Add(new ReplyGuardingFunctionFilter(services.GetRequiredService<ReplyGuard>(), services.GetRequiredService<ToolGuard>().ContextResolver));
        }

        return kernel;
    }

    /// <summary>Whether every chat service of <paramref name="kernel"/> passes its answers through the reply guard already.</summary>
    private static bool RepliesGuarded(Kernel kernel)
        => kernel.GetAllServices<IChatCompletionService>().All(s => s is ReplyGuardedChatCompletionService)
            && kernel.GetAllServices<IChatClient>().All(c => c.GetService<ReplyGuardedChatClient>() is not null || c.GetService<AgentGuardChatClient>() is not null);

    /// <summary>
    /// The AgentGuard decision that blocked this function (denied, or approval not given), or <see langword="null"/>
    /// when the function ran. A blocked function's value is the decision's model message.
    /// </summary>
    /// <param name="result">A function result.</param>
    public static Decision? GetAgentGuardDecision(this FunctionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Metadata is { } metadata && metadata.TryGetValue(SemanticKernelGuard.DecisionMetadataKey, out var value)
            ? value as Decision
            : null;
    }
}
