using Microsoft.Agents.AI;

namespace AgentGuard.AgentFramework;

/// <summary>
/// Fills in the agent (id, name, instructions) from the Agent Framework run in progress, so a guarded chat client used
/// by a <see cref="ChatClientAgent"/> knows which agent is calling.
/// </summary>
internal sealed class AgentRunContextProvider : IGuardContextProvider
{
    public GuardContext Enrich(GuardContext context)
    {
        if (AIAgent.CurrentRunContext?.Agent is not { } agent || !string.IsNullOrEmpty(context.Agent?.Id))
        {
            return context;
        }

        var instructions = context.Agent?.Instructions ?? agent.GetService<ChatClientAgent>()?.Instructions;
        return context with { Agent = new GuardAgent(agent.Id, agent.Name, instructions) };
    }
}
