using AgentGuard;
using AgentGuard.Extensions.AI.Internal;
using Microsoft.Extensions.AI;

namespace Microsoft.Agents.AI;

/// <summary>Adds AgentGuard to an Agent Framework agent.</summary>
public static class AgentGuardAIAgentBuilderExtensions
{
    /// <summary>
    /// Guards every function call of a <see cref="ChatClientAgent"/> with Agent Framework's function-invocation
    /// middleware: each call is decided by the AgentGuard engine, with the agent's id, name and instructions in the
    /// context, before it runs. <c>agent.AsBuilder().UseAgentGuard().Build(services)</c>.
    /// </summary>
    /// <remarks>
    /// The engine comes from the service provider passed to <c>Build</c>. When the agent's chat client is guarded too
    /// (<c>UseAgentGuard()</c> on its <c>ChatClientBuilder</c>, or <c>AddChatClientGuard()</c>), each call is decided
    /// once, by the chat client's guard. Calls that need approval are resolved by an in-process
    /// <see cref="IApprovalHandler"/> (or denied when none is registered); for the native approval round trip, guard
    /// the agent's chat client.
    /// </remarks>
    public static AIAgentBuilder UseAgentGuard(this AIAgentBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(static (inner, services) =>
        {
            var guard = ChatGuardFactory.Create(services);
            var concurrent = inner.GetService<FunctionInvokingChatClient>()?.AllowConcurrentInvocation ?? false;
            return inner.AsBuilder()
                .Use((agent, invocation, next, cancellationToken) => GuardAsync(guard, concurrent, agent, invocation, next, cancellationToken))
                .Build(services);
        });
    }

    private static ValueTask<object?> GuardAsync(
        FunctionCallGuard guard,
        bool concurrent,
        AIAgent agent,
        FunctionInvocationContext invocation,
        Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>> next,
        CancellationToken cancellationToken)
    {
        // The agent's chat client guard already decided this very call (the same host object) and runs it: do not
        // decide it twice. A call id alone would not do: a nested agent's model can reuse the outer call's id.
        if (invocation.CallContent is { } content && guard.ToolGuard.IsDecided(content))
        {
            return next(invocation, cancellationToken);
        }

        return guard.InvokeAsync(invocation, next, Describe(agent), nativeApproval: false, concurrent, cancellationToken);
    }

    private static GuardAgent Describe(AIAgent agent)
    {
        var run = AIAgent.CurrentRunContext?.Agent ?? agent;
        return new GuardAgent(run.Id, run.Name ?? agent.Name, agent.GetService<ChatClientAgent>()?.Instructions);
    }
}
