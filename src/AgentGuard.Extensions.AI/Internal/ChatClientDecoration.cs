using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentGuard.Extensions.AI.Internal;

/// <summary>
/// What a decorated <see cref="IChatClient"/> registration (<see cref="ServiceDecoration{TService}"/>) builds: the
/// original client with the guard added when configuration asks for it.
/// </summary>
internal static class ChatClientDecoration
{
    /// <summary>The wrapper of a registration: one delegate, so a registration is wrapped once however often it is asked.</summary>
    public static readonly Func<IChatClient, IServiceProvider, bool, IChatClient> Wrap = static (client, provider, _) => Guard(client, provider);

    /// <summary>Replaces the chat client registrations made so far.</summary>
    public static void DecorateAll(IServiceCollection services) => ServiceDecoration<IChatClient>.DecorateAll(services, Wrap);

    private static IChatClient Guard(IChatClient client, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ChatClientGuardOptions>>().Value;
        if (!options.GuardAll || client.GetService<AgentGuardChatClient>() is not null)
        {
            return client;
        }

        if (client.GetService<FunctionInvokingChatClient>() is null)
        {
            return options.AllowClientsWithoutFunctionInvocation
                ? client
                : throw new InvalidOperationException(
                    $"AgentGuard:ChatClients:GuardAll is true but the registered chat client {client.GetType().Name} has no FunctionInvokingChatClient, "
                    + "so its tool calls could not be guarded. Add .UseFunctionInvocation() to its AddChatClient(...) registration, "
                    + "or set AgentGuard:ChatClients:AllowClientsWithoutFunctionInvocation to true if it never calls tools.");
        }

        return ChatGuardFactory.Guard(client, services);
    }
}
