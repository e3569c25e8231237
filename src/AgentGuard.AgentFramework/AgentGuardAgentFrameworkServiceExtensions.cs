using AgentGuard;
using AgentGuard.AgentFramework;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Agent Framework facts for every AgentGuard decision.</summary>
public static class AgentGuardAgentFrameworkServiceExtensions
{
    /// <summary>
    /// Adds the running agent (<c>AIAgent.CurrentRunContext</c>: id, name, and <c>ChatClientAgent.Instructions</c>) to
    /// the context of every decision made during an agent run, including decisions of a guarded chat client the agent
    /// uses (<c>UseAgentGuard()</c> on its <c>ChatClientBuilder</c>, or <c>AddChatClientGuard()</c>).
    /// </summary>
    public static AgentGuardBuilder AddAgentFrameworkContext(this AgentGuardBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IGuardContextProvider, AgentRunContextProvider>());
        return builder;
    }
}
