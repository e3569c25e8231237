using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard;

/// <summary>
/// Replaces registrations of a service by ones that build what the original built — its instance, factory or type, keyed
/// or not, with its lifetime — and pass it through a wrapper. A registration a wrapper replaced once is known and left as
/// is, so adapters may decorate on every call of their registration method; two adapters' wrappers (a chat client's
/// reply guard and its function guard) each apply once, the later one outside. The adapters' way to guard a framework's
/// service (a chat client, a chat completion service) wherever it is resolved from.
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

    /// <summary>Whether <paramref name="descriptor"/> is a registration <paramref name="wrap"/> already wraps (it or one it replaced).</summary>
    public static bool IsDecoratedBy(ServiceDescriptor descriptor, Func<TService, IServiceProvider, bool, TService> wrap)
    {
        for (var decoration = Of(descriptor); decoration is not null; decoration = Of(decoration._original))
        {
            if (decoration._wrap.Equals(wrap))
            {
                return true;
            }
        }

        return false;
    }

    private static ServiceDecoration<TService>? Of(ServiceDescriptor descriptor)
        => (descriptor.IsKeyedService ? descriptor.KeyedImplementationFactory?.Target : descriptor.ImplementationFactory?.Target) as ServiceDecoration<TService>;

    /// <summary>
    /// Replaces every registration of <typeparamref name="TService"/> in <paramref name="services"/> that
    /// <paramref name="wrap"/> does not wrap yet; returns how many. Pass the same delegate (a static lambda, a method group)
    /// on every call. <paramref name="wrap"/> receives the service the original registration built, the provider, and
    /// whether the container would have disposed that service (built by a factory or a type, not an instance given).
    /// </summary>
    public static int DecorateAll(IServiceCollection services, Func<TService, IServiceProvider, bool, TService> wrap)
    {
        var decorated = 0;
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType == typeof(TService) && !IsDecoratedBy(descriptor, wrap))
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
