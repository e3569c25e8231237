using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace AgentGuard.Http;

/// <summary>
/// Mediation probe for <c>IHttpClientFactory</c> clients: the default client and every client configured by name, covered
/// when its handler chain holds an <see cref="AgentGuardHttpHandler"/>. A client registered by name with no
/// configuration at all is indistinguishable from the default one and is reported as that.
/// </summary>
internal sealed class HttpMediationProbe : IMediationProbe
{
    public MediationPathKind Kind => MediationPathKind.HttpClient;

    public IEnumerable<MediationPath> Inspect(IServiceProvider services, IReadOnlyList<ServiceDescriptor> registrations)
    {
        if (services.GetService<IHttpMessageHandlerFactory>() is not { } factory)
        {
            return [];
        }

        var names = registrations
            .Where(d => d.ServiceType == typeof(IConfigureOptions<HttpClientFactoryOptions>))
            .Select(d => (d.ImplementationInstance as ConfigureNamedOptions<HttpClientFactoryOptions>)?.Name)
            .OfType<string>()
            .Prepend(Options.DefaultName)
            .Distinct(StringComparer.Ordinal);
        return [.. names.Select(name => Inspect(factory, name))];
    }

    private MediationPath Inspect(IHttpMessageHandlerFactory factory, string name)
    {
        var display = name.Length == 0 ? "(default client)" : name;
        for (var handler = factory.CreateHandler(name); handler is DelegatingHandler delegating; handler = delegating.InnerHandler)
        {
            if (delegating is AgentGuardHttpHandler)
            {
                return new MediationPath(Kind, display, true, "AgentGuardHttpHandler is in the handler chain");
            }
        }

        return new MediationPath(Kind, display, false, $"no AgentGuardHttpHandler: add .AddAgentGuard() to AddHttpClient(\"{name}\"), or set AgentGuard:Http:GuardAllHttpClients");
    }
}

/// <summary>Registers the HTTP mediation probe.</summary>
public static class HttpMediationProbeExtensions
{
    /// <summary>Lets the mediation report list the <c>IHttpClientFactory</c> clients and whether the AgentGuard handler covers each.</summary>
    public static AgentGuardBuilder AddHttpMediationProbe(this AgentGuardBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IMediationProbe, HttpMediationProbe>());
        return builder;
    }
}
