using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentGuard.Extensions.AI.Internal;

/// <summary>Replaces an <see cref="IChatClient"/> registration by one that adds the guard when configuration asks for it.</summary>
internal sealed class ChatClientDecoration
{
    private readonly ServiceDescriptor _original;

    private ChatClientDecoration(ServiceDescriptor original) => _original = original;

    public static bool IsDecorated(ServiceDescriptor descriptor)
        => (descriptor.IsKeyedService ? descriptor.KeyedImplementationFactory?.Target : descriptor.ImplementationFactory?.Target) is ChatClientDecoration;

    public static ServiceDescriptor Decorate(ServiceDescriptor descriptor)
    {
        var decoration = new ChatClientDecoration(descriptor);
        return descriptor.IsKeyedService
            ? new ServiceDescriptor(typeof(IChatClient), descriptor.ServiceKey, decoration.CreateKeyed, descriptor.Lifetime)
            : new ServiceDescriptor(typeof(IChatClient), decoration.Create, descriptor.Lifetime);
    }

    private IChatClient Create(IServiceProvider services)
    {
        var inner = _original.ImplementationFactory is { } factory ? factory(services)
            : _original.ImplementationInstance is { } instance ? instance
            : ActivatorUtilities.CreateInstance(services, _original.ImplementationType!);
        return Guard((IChatClient)inner, services);
    }

    private IChatClient CreateKeyed(IServiceProvider services, object? key)
    {
        var inner = _original.KeyedImplementationFactory is { } factory ? factory(services, key)
            : _original.KeyedImplementationInstance is { } instance ? instance
            : ActivatorUtilities.CreateInstance(services, _original.KeyedImplementationType!);
        return Guard((IChatClient)inner, services);
    }

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
