using System.Diagnostics.CodeAnalysis;
using AgentGuard.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentGuard.Mcp;

/// <summary>
/// The approved MCP servers and their tools, compiled from <c>AgentGuard:Registry</c> and its files. It is built when
/// first resolved (an unreadable registry throws <see cref="AgentGuardPolicyException"/> naming the file, entry and
/// field) and rebuilt when the configuration changes or <see cref="Reload"/> is called; a reload that fails keeps the
/// last good registry and logs an error.
/// </summary>
public sealed partial class McpRegistry : IDisposable
{
    private readonly LastGoodOptions<McpRegistryOptions, RegistrySnapshot> _registry;
    private readonly ILogger _logger;

    /// <summary>Creates the registry. Resolve it from DI after <c>AddMcpRegistry()</c>.</summary>
    /// <exception cref="AgentGuardPolicyException">The registry cannot be read or is invalid.</exception>
    public McpRegistry(IOptionsFactory<McpRegistryOptions> factory, IEnumerable<IOptionsChangeTokenSource<McpRegistryOptions>> changeSources, ILogger<McpRegistry> logger)
        : this(factory, changeSources, logger, AppContext.BaseDirectory)
    {
    }

    internal McpRegistry(IOptionsFactory<McpRegistryOptions> factory, IEnumerable<IOptionsChangeTokenSource<McpRegistryOptions>> changeSources, ILogger logger, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(changeSources);
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        _registry = new LastGoodOptions<McpRegistryOptions, RegistrySnapshot>(
            factory, changeSources, options => McpRegistryCompiler.Compile(options, baseDirectory), McpRegistryOptions.SectionName);
        _registry.Reloaded += snapshot => LogLoaded(snapshot.Servers.Count);
        _registry.ReloadFailed += ex =>
        {
            FailedReloadCount++;
            LogReloadFailed(ex.Message);
        };
        LogLoaded(_registry.Current.Servers.Count);
    }

    /// <summary>The approved servers.</summary>
    public IReadOnlyCollection<McpServerDefinition> Servers => _registry.Current.Servers.Values;

    /// <summary>Counts reloads rejected because the new registry was invalid (the last good one stayed).</summary>
    public int FailedReloadCount { get; private set; }

    /// <summary>Finds an approved server by id (case-insensitive).</summary>
    public bool TryGetServer(string serverId, [NotNullWhen(true)] out McpServerDefinition? server)
    {
        ArgumentNullException.ThrowIfNull(serverId);
        return _registry.Current.Servers.TryGetValue(serverId, out server);
    }

    /// <summary>Finds an approved server by id.</summary>
    /// <exception cref="McpServerNotApprovedException">No server with this id is approved.</exception>
    public McpServerDefinition GetServer(string serverId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serverId);
        if (TryGetServer(serverId, out var server))
        {
            return server;
        }

        var known = _registry.Current.Servers.Keys;
        throw new McpServerNotApprovedException(
            serverId,
            $"MCP server '{serverId}' is not in the AgentGuard registry, so it cannot be used. Approved servers: "
            + (known.Length == 0 ? "(none)" : string.Join(", ", known.Order(StringComparer.OrdinalIgnoreCase)))
            + $". Add it under {McpRegistryOptions.SectionName}:Servers to approve it.");
    }

    /// <summary>Re-reads the configuration and registry files. A failure keeps the last good registry, logs an error and returns false.</summary>
    public bool Reload() => _registry.Reload();

    /// <inheritdoc />
    public void Dispose() => _registry.Dispose();

    [LoggerMessage(3420, LogLevel.Information, "AgentGuard MCP registry loaded: {ServerCount} approved servers.")]
    private partial void LogLoaded(int serverCount);

    [LoggerMessage(3421, LogLevel.Error, "AgentGuard MCP registry reload rejected; the last good registry stays in force. {Problems}")]
    private partial void LogReloadFailed(LogText problems);
}
