using AgentGuard.Extensions.AI;
using AgentGuard.Extensions.AI.Internal;

namespace Microsoft.Extensions.AI;

/// <summary>Adds AgentGuard to a chat pipeline.</summary>
public static class AgentGuardChatClientBuilderExtensions
{
    /// <summary>
    /// Guards every function call of the pipeline: each tool the model asks for is decided by the AgentGuard engine
    /// before it runs. Call it <b>before</b> <c>UseFunctionInvocation()</c> (layers added first are outermost):
    /// <c>new ChatClientBuilder(model).UseAgentGuard().UseFunctionInvocation().Build(services)</c>.
    /// </summary>
    /// <remarks>
    /// The engine comes from the service provider passed to <c>Build</c> (register it with <c>AddAgentGuard</c>).
    /// Building fails with <see cref="InvalidOperationException"/> when there is no function-invoking client below
    /// this layer, rather than letting tool calls through unguarded.
    /// </remarks>
    public static ChatClientBuilder UseAgentGuard(this ChatClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(static (inner, services) => inner.GetService<AgentGuardChatClient>() is not null
            ? inner
            : new AgentGuardChatClient(inner, ChatGuardFactory.Create(services), ChatGuardFactory.Replies(services)));
    }

    /// <summary>
    /// As <see cref="UseAgentGuard(ChatClientBuilder)"/>, with session facts of this pipeline — agent id and name,
    /// environment, team — and the named policy that decides its calls, for hosts that run several agents:
    /// <c>.UseAgentGuard(o => { o.AgentId = "billing"; o.Policy = "billing"; })</c>.
    /// </summary>
    public static ChatClientBuilder UseAgentGuard(this ChatClientBuilder builder, Action<AgentGuardPipelineOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new AgentGuardPipelineOptions();
        configure(options);
        return builder
            .Use((inner, services) =>
            {
                if (options.Policy is { } policy)
                {
                    ChatGuardFactory.Create(services).ToolGuard.EnsurePolicy(policy);
                }

                return new PipelineContextChatClient(inner, options);
            })
            .UseAgentGuard();
    }
}
