using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard;

/// <summary>
/// Replaces registrations of a service by ones that build what the original built — its instance, factory or type, keyed
/// or not, with its lifetime — and pass it through a wrapper. A registration replaced once is known and left as is, so
/// adapters may decorate on every call of their registration method. The adapters' way to guard a framework's service
/// (a chat client, a chat completion service) wherever it is resolved from.
/// </summary>
/// <typeparam name="TService">The service type whose registrations are replaced.</typeparam>
internal sealed class ServiceDecoration<TService>
    where TService : class
{
    private readonly ServiceDescriptor _original;
    private readonly Func<TService, IServiceProvider, bool, TService> _wrap;

    private ServiceDecoration(ServiceDescriptor original, Func<TService, IServiceProvider, bool, TService> wrap)
    {
        _original = original;
        _wrap = wrap;
    }

    /// <summary>Whether <paramref name="descriptor"/> is a registration this class made.</summary>
    public static bool IsDecorated(ServiceDescriptor descriptor)
        => (descriptor.IsKeyedService ? descriptor.KeyedImplementationFactory?.Target : descriptor.ImplementationFactory?.Target) is ServiceDecoration<TService>;

    /// <summary>
    /// Replaces every registration of <typeparamref name="TService"/> in <paramref name="services"/> not replaced yet;
    /// returns how many. <paramref name="wrap"/> receives the service the original registration built, the provider, and
    /// whether the container would have disposed that service (built by a factory or a type, not an instance given).
    /// </summary>
    public static int DecorateAll(IServiceCollection services, Func<TService, IServiceProvider, bool, TService> wrap)
    {
        var decorated = 0;
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType == typeof(TService) && !IsDecorated(descriptor))
            {
                var decoration = new ServiceDecoration<TService>(descriptor, wrap);
                services[i] = descriptor.IsKeyedService
                    ? new ServiceDescriptor(typeof(TService), descriptor.ServiceKey, decoration.CreateKeyed, descriptor.Lifetime)
                    : new ServiceDescriptor(typeof(TService), decoration.Create, descriptor.Lifetime);
                decorated++;
            }
        }

        return decorated;
    }

    private TService Create(IServiceProvider services) => _original switch
    {
        { ImplementationInstance: TService instance } => _wrap(instance, services, false),
        { ImplementationFactory: { } factory } => _wrap((TService)factory(services), services, true),
        _ => _wrap((TService)ActivatorUtilities.CreateInstance(services, _original.ImplementationType!), services, true),
    };

    private TService CreateKeyed(IServiceProvider services, object? key) => _original switch
    {
        { KeyedImplementationInstance: TService instance } => _wrap(instance, services, false),
        { KeyedImplementationFactory: { } factory } => _wrap((TService)factory(services, key), services, true),
        _ => _wrap((TService)ActivatorUtilities.CreateInstance(services, _original.KeyedImplementationType!), services, true),
    };
}
