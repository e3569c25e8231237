using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;

namespace AgentGuard.Mcp;

/// <summary>
/// Creates MCP clients for approved servers only. Stdio servers are started with only their allowed environment;
/// every client's transport is guarded, so tool listings are filtered and verified and every <c>tools/call</c> is
/// decided by the engine before it leaves, whichever API sends it.
/// </summary>
/// <example>
/// <code>
/// await using var client = await factory.CreateAsync("filesystem", new GuardedMcpClientOptions { Team = "payments" });
/// var tools = await client.ListToolsAsync();   // only the tools the registry grants this team
/// </code>
/// </example>
public sealed partial class GuardedMcpClientFactory
{
    private readonly McpRegistry _registry;
    private readonly ToolGuard _guard;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;

    /// <summary>Creates the factory. Resolve it from DI after <c>AddMcpRegistry()</c>.</summary>
    public GuardedMcpClientFactory(McpRegistry registry, ToolGuard guard, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(guard);
        _registry = registry;
        _guard = guard;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<GuardedMcpClientFactory>();
    }

    /// <summary>The registry this factory enforces.</summary>
    public McpRegistry Registry => _registry;

    /// <summary>Starts (stdio) or connects to (remote) an approved server and returns a guarded client.</summary>
    /// <exception cref="McpServerNotApprovedException">The server is not approved, or reports a version outside its approved range.</exception>
    /// <exception cref="InvalidOperationException">The entry has neither a command nor a URL (use the overload taking a transport).</exception>
    public Task<McpClient> CreateAsync(string serverId, GuardedMcpClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GuardedMcpClientOptions();
        var transport = CreateTransport(serverId, options);
        return ConnectAsync(serverId, transport, options, cancellationToken);
    }

    /// <summary>Connects to an approved server through a transport the caller made (in-process pipes, a custom HTTP client), guarded.</summary>
    /// <exception cref="McpServerNotApprovedException">The server is not approved, or reports a version outside its approved range.</exception>
    public Task<McpClient> CreateAsync(string serverId, IClientTransport transport, GuardedMcpClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transport);
        options ??= new GuardedMcpClientOptions();
        return ConnectAsync(serverId, Guard(serverId, transport, options), options, cancellationToken);
    }

    /// <summary>
    /// The guarded transport for an approved server, for hosts that create the <see cref="McpClient"/> themselves.
    /// Stdio servers receive only the entry's environment (<c>InheritEnvironmentVariables = false</c>).
    /// </summary>
    /// <exception cref="McpServerNotApprovedException">The server is not approved.</exception>
    public IClientTransport CreateTransport(string serverId, GuardedMcpClientOptions? options = null)
    {
        options ??= new GuardedMcpClientOptions();
        var server = _registry.GetServer(serverId);
        IClientTransport inner;
        if (server.Command is not null)
        {
            inner = new StdioClientTransport(
                new StdioClientTransportOptions
                {
                    Name = server.Id,
                    Command = server.Command,
                    Arguments = [.. server.Arguments],
                    WorkingDirectory = server.WorkingDirectory,
                    InheritEnvironmentVariables = false,
                    EnvironmentVariables = ServerEnvironment.Build(server),
                    StandardErrorLines = options.StandardErrorLines,
                },
                _loggerFactory);
            LogStarting(server.Id, server.Command, string.Join(",", ServerEnvironment.Build(server).Keys.Order(StringComparer.Ordinal)));
        }
        else if (server.Url is not null)
        {
            inner = new HttpClientTransport(new HttpClientTransportOptions { Name = server.Id, Endpoint = server.Url }, _loggerFactory);
        }
        else
        {
            throw new InvalidOperationException(
                $"MCP server '{server.Id}' has neither Command nor Url in the registry, so AgentGuard cannot start or reach it; pass a transport to CreateAsync(serverId, transport).");
        }

        return Guard(serverId, inner, options);
    }

    /// <summary>Guards a transport the caller made for an approved server.</summary>
    /// <exception cref="McpServerNotApprovedException">The server is not approved.</exception>
    public IClientTransport Guard(string serverId, IClientTransport transport, GuardedMcpClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        var server = _registry.GetServer(serverId);
        var gate = new McpToolGate(server.Id, _registry, _guard, options ?? new GuardedMcpClientOptions(), _loggerFactory.CreateLogger<McpToolGate>());
        return new GuardedClientTransport(transport, gate);
    }

    private async Task<McpClient> ConnectAsync(string serverId, IClientTransport transport, GuardedMcpClientOptions options, CancellationToken cancellationToken)
    {
        var server = _registry.GetServer(serverId);
        var client = await McpClient.CreateAsync(transport, options.ClientOptions, _loggerFactory, cancellationToken).ConfigureAwait(false);
        try
        {
            var version = client.ServerInfo?.Version;
            if (!server.AcceptsVersion(version))
            {
                LogVersionRefused(server.Id, version ?? "(none)", server.Version ?? "*");
                throw new McpServerNotApprovedException(
                    server.Id,
                    $"MCP server '{server.Id}' reported version '{version ?? "(none)"}', which is outside the approved version '{server.Version}'. Approve the new version in the registry to use it.");
            }

            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    [LoggerMessage(3430, LogLevel.Information, "Starting MCP server {ServerId} ({Command}) with environment variables: {Variables}.")]
    private partial void LogStarting(LogText serverId, LogText command, LogText variables);

    [LoggerMessage(3431, LogLevel.Error, "MCP server {ServerId} refused: it reported version {Version}, outside the approved {Approved}.")]
    private partial void LogVersionRefused(LogText serverId, LogText version, LogText approved);
}
