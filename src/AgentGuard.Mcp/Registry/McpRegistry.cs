using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace AgentGuard.Mcp;

/// <summary>
/// The approved MCP servers and their tools, compiled from <c>AgentGuard:Registry</c> and its files. It is built when
/// first resolved (an unreadable registry throws <see cref="AgentGuardPolicyException"/> naming the file, entry and
/// field) and rebuilt when the configuration changes or <see cref="Reload"/> is called; a reload that fails keeps the
/// last good registry and logs an error.
/// </summary>
public sealed partial class McpRegistry : IDisposable
{
    private readonly IOptionsFactory<McpRegistryOptions> _factory;
    private readonly string _baseDirectory;
    private readonly ILogger _logger;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Lock _reloadLock = new();
    private RegistrySnapshot _current;

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
        _factory = factory;
        _logger = logger;
        _baseDirectory = baseDirectory;
        _current = Build();
        LogLoaded(_current.Servers.Count);
        foreach (var source in changeSources)
        {
            if (source.Name == Options.DefaultName)
            {
                _subscriptions.Add(ChangeToken.OnChange(source.GetChangeToken, () => Reload()));
            }
        }
    }

    /// <summary>The approved servers.</summary>
    public IReadOnlyCollection<McpServerDefinition> Servers => Volatile.Read(ref _current).Servers.Values;

    /// <summary>Counts reloads rejected because the new registry was invalid (the last good one stayed).</summary>
    public int FailedReloadCount { get; private set; }

    /// <summary>Finds an approved server by id (case-insensitive).</summary>
    public bool TryGetServer(string serverId, [NotNullWhen(true)] out McpServerDefinition? server)
    {
        ArgumentNullException.ThrowIfNull(serverId);
        return Volatile.Read(ref _current).Servers.TryGetValue(serverId, out server);
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

        var known = Volatile.Read(ref _current).Servers.Keys;
        throw new McpServerNotApprovedException(
            serverId,
            $"MCP server '{serverId}' is not in the AgentGuard registry, so it cannot be used. Approved servers: "
            + (known.Length == 0 ? "(none)" : string.Join(", ", known.Order(StringComparer.OrdinalIgnoreCase)))
            + $". Add it under {McpRegistryOptions.SectionName}:Servers to approve it.");
    }

    /// <summary>Re-reads the configuration and registry files. A failure keeps the last good registry, logs an error and returns false.</summary>
    public bool Reload()
    {
        lock (_reloadLock)
        {
            try
            {
                var snapshot = Build();
                Volatile.Write(ref _current, snapshot);
                LogLoaded(snapshot.Servers.Count);
                return true;
            }
#pragma warning disable CA1031 // Any failure keeps the last good registry; it must not escape into the change-token callback.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                FailedReloadCount++;
                LogReloadFailed(ex.Message);
                return false;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private RegistrySnapshot Build()
    {
        McpRegistryOptions options;
        try
        {
            options = _factory.Create(Options.DefaultName);
        }
        catch (OptionsValidationException ex)
        {
            throw new AgentGuardPolicyException([.. ex.Failures], ex);
        }
        catch (InvalidOperationException ex)
        {
            // The configuration binder could not convert a value or found an unknown key; its message names the key.
            throw new AgentGuardPolicyException($"{McpRegistryOptions.SectionName}: {ex.Message}", ex);
        }

        return McpRegistryCompiler.Compile(options, _baseDirectory);
    }

    [LoggerMessage(3420, LogLevel.Information, "AgentGuard MCP registry loaded: {ServerCount} approved servers.")]
    private partial void LogLoaded(int serverCount);

    [LoggerMessage(3421, LogLevel.Error, "AgentGuard MCP registry reload rejected; the last good registry stays in force. {Problems}")]
    private partial void LogReloadFailed(string problems);
}
