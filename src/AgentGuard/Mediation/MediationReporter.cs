using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentGuard;

/// <summary>
/// Lists every tool-use path of the host and whether a hook covers it, with the run-time count of executions no
/// decision preceded. Paths of a kind no probe is registered for are still listed, from their registrations, as unknown.
/// </summary>
public sealed partial class MediationReporter
{
    private static readonly (MediationPathKind Kind, string TypeName, string Advice)[] Recognised =
    [
        (MediationPathKind.ChatClient, "Microsoft.Extensions.AI.IChatClient", "reference AgentGuard.Extensions.AI and call AddChatClientMediationProbe()"),
        (MediationPathKind.Kernel, "Microsoft.SemanticKernel.Kernel", "reference AgentGuard.SemanticKernel: its filters guard kernels built from this provider"),
        (MediationPathKind.HttpClient, "System.Net.Http.IHttpClientFactory", "reference AgentGuard.Http and call AddHttpMediationProbe()"),
        (MediationPathKind.McpClient, "ModelContextProtocol.Client.McpClient", "create MCP clients through GuardedMcpClientFactory (AgentGuard.Mcp), not directly"),
    ];

    private readonly IServiceProvider _services;
    private readonly ServiceRegistrations _registrations;
    private readonly IMediationProbe[] _probes;
    private readonly UnmediatedToolMonitor? _monitor;
    private readonly ILogger _logger;

    internal MediationReporter(IServiceProvider services, ServiceRegistrations registrations, IEnumerable<IMediationProbe> probes, UnmediatedToolMonitor? monitor, ILoggerFactory loggerFactory)
    {
        _services = services;
        _registrations = registrations;
        _probes = [.. probes];
        _monitor = monitor;
        _logger = loggerFactory.CreateLogger<MediationReporter>();
    }

    /// <summary>The report now: every path and the run-time count.</summary>
    public MediationReport Report()
    {
        var registrations = _registrations.Snapshot();
        var paths = new List<MediationPath>();
        foreach (var probe in _probes)
        {
            try
            {
                paths.AddRange(probe.Inspect(_services, registrations));
            }
#pragma warning disable CA1031 // A failing probe makes its kind unknown; the report must still be produced.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                paths.Add(new MediationPath(probe.Kind, probe.GetType().Name, null, $"the probe failed: {ex.GetType().Name}: {ex.Message}"));
            }
        }

        foreach (var (kind, typeName, advice) in Recognised)
        {
            if (_probes.Any(p => p.Kind == kind))
            {
                continue;
            }

            foreach (var descriptor in registrations.Where(d => d.ServiceType.FullName == typeName))
            {
                var name = descriptor.ServiceKey is null ? typeName : $"{typeName} [{descriptor.ServiceKey}]";
                paths.Add(new MediationPath(kind, name, kind == MediationPathKind.McpClient ? false : null, $"no probe for this kind is registered: {advice}"));
            }
        }

        return new MediationReport(paths, _monitor?.Count ?? 0);
    }

    /// <summary>Logs the report: one warning per path that is not covered or unknown.</summary>
    internal MediationReport LogReport()
    {
        var report = Report();
        foreach (var path in report.Paths.Where(p => p.Covered != true))
        {
            LogPath(path.Kind, path.Name, path.Covered is null ? "unknown" : "not covered", path.Detail);
        }

        if (report.Paths.All(p => p.Covered == true))
        {
            LogAllCovered(report.Paths.Count);
        }

        return report;
    }

    [LoggerMessage(1201, LogLevel.Warning, "Tool-use path {Kind} '{Name}' is {Status} by AgentGuard: {Detail}")]
    private partial void LogPath(MediationPathKind kind, LogText name, LogText status, LogText detail);

    [LoggerMessage(1203, LogLevel.Information, "Every tool-use path found ({Count}) is covered by an AgentGuard hook.")]
    private partial void LogAllCovered(int count);
}
