using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel.ChatCompletion;

namespace AgentGuard.SemanticKernel;

/// <summary>
/// Wraps every <see cref="IChatCompletionService"/> registered in a service collection, keyed or not, in a
/// <see cref="ReplyGuardedChatCompletionService"/>: the registration keeps its key and lifetime and builds the service
/// it built before, as before (instance, factory or type), then guards it. A registration already wrapped is left as is.
/// </summary>
internal static class ChatCompletionDecoration
{
    /// <summary>Wraps the chat completion services registered so far; returns how many.</summary>
    public static int Decorate(IServiceCollection services)
    {
        var wrapped = 0;
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(IChatCompletionService) || IsGuarded(descriptor))
            {
                continue;
            }

            services[i] = Guarded(descriptor);
            wrapped++;
        }

        return wrapped;
    }

    private static bool IsGuarded(ServiceDescriptor descriptor)
        => (descriptor.IsKeyedService ? descriptor.KeyedImplementationFactory?.Target : descriptor.ImplementationFactory?.Target) is Wrapper;

    private static ServiceDescriptor Guarded(ServiceDescriptor descriptor)
    {
        var wrapper = new Wrapper(descriptor);
        return descriptor.IsKeyedService
            ? new ServiceDescriptor(typeof(IChatCompletionService), descriptor.ServiceKey, wrapper.Create, descriptor.Lifetime)
            : new ServiceDescriptor(typeof(IChatCompletionService), wrapper.Create, descriptor.Lifetime);
    }

    /// <summary>Builds the original registration's service and guards it.</summary>
    private sealed class Wrapper(ServiceDescriptor original)
    {
        public object Create(IServiceProvider services) => Create(services, original.ServiceKey);

        public object Create(IServiceProvider services, object? key)
        {
            var (inner, owned) = Inner(services, key);
            var toolGuard = services.GetRequiredService<ToolGuard>();
            return new ReplyGuardedChatCompletionService(inner, services.GetRequiredService<ReplyGuard>(), toolGuard.ContextResolver, owned);
        }

        /// <summary>The service the original registration builds, and whether the container would have disposed it.</summary>
        private (IChatCompletionService Service, bool Owned) Inner(IServiceProvider services, object? key)
        {
            if (original.IsKeyedService)
            {
                return original switch
                {
                    { KeyedImplementationInstance: IChatCompletionService instance } => (instance, false),
                    { KeyedImplementationFactory: { } factory } => ((IChatCompletionService)factory(services, key), true),
                    _ => ((IChatCompletionService)ActivatorUtilities.CreateInstance(services, original.KeyedImplementationType!), true),
                };
            }

            return original switch
            {
                { ImplementationInstance: IChatCompletionService instance } => (instance, false),
                { ImplementationFactory: { } factory } => ((IChatCompletionService)factory(services), true),
                _ => ((IChatCompletionService)ActivatorUtilities.CreateInstance(services, original.ImplementationType!), true),
            };
        }
    }
}
