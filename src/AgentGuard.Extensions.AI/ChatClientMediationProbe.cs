using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgentGuard.Extensions.AI;

/// <summary>Mediation probe for chat clients: every registered <see cref="IChatClient"/>, covered when its pipeline holds an <see cref="AgentGuardChatClient"/>.</summary>
internal sealed class ChatClientMediationProbe : IMediationProbe
{
    public MediationPathKind Kind => MediationPathKind.ChatClient;

    public IEnumerable<MediationPath> Inspect(IServiceProvider services, IReadOnlyList<ServiceDescriptor> registrations)
    {
        using var scope = services.CreateScope();
        var paths = new List<MediationPath>();
        foreach (var descriptor in registrations.Where(d => d.ServiceType == typeof(IChatClient)))
        {
            var name = descriptor.ServiceKey is null ? "IChatClient" : $"IChatClient [{descriptor.ServiceKey}]";
            var client = descriptor.ServiceKey is null
                ? scope.ServiceProvider.GetRequiredService<IChatClient>()
                : scope.ServiceProvider.GetRequiredKeyedService<IChatClient>(descriptor.ServiceKey);
            paths.Add(client.GetService(typeof(AgentGuardChatClient)) is not null
                ? new MediationPath(Kind, name, true, "AgentGuardChatClient is in the pipeline (UseAgentGuard() or ChatClients:GuardAll)")
                : new MediationPath(Kind, name, false, "no AgentGuardChatClient in the pipeline: add .UseAgentGuard() before .UseFunctionInvocation(), or set AgentGuard:ChatClients:GuardAll"));
        }

        return paths;
    }
}

/// <summary>Registers the chat-client mediation probe.</summary>
public static class ChatClientMediationProbeExtensions
{
    /// <summary>Lets the mediation report list every registered <see cref="IChatClient"/> and whether <c>UseAgentGuard()</c> covers it.</summary>
    public static AgentGuardBuilder AddChatClientMediationProbe(this AgentGuardBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IMediationProbe, ChatClientMediationProbe>());
        return builder;
    }
}
