using System.IO.Pipelines;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGuard.Mcp.Tests;

/// <summary>The SDK's own MCP server with the given options, running in process over a pair of pipes.</summary>
internal sealed class PipedMcpServer : IAsyncDisposable
{
    private readonly Pipe _clientToServer = new();
    private readonly Pipe _serverToClient = new();
    private readonly McpServer _server;
    private readonly Task _running;

    public PipedMcpServer(McpServerOptions options)
    {
        _server = McpServer.Create(new StreamServerTransport(_clientToServer.Reader.AsStream(), _serverToClient.Writer.AsStream()), options);
        _running = _server.RunAsync();
        Transport = new StreamClientTransport(_clientToServer.Writer.AsStream(), _serverToClient.Reader.AsStream());
    }

    /// <summary>The client side of the pipes (one client per server).</summary>
    public IClientTransport Transport { get; }

    /// <summary>The running server (to send notifications from it).</summary>
    public McpServer Server => _server;

    public async ValueTask DisposeAsync()
    {
        await _clientToServer.Writer.CompleteAsync();
        await _serverToClient.Writer.CompleteAsync();
        await _server.DisposeAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or IOException)
        {
            // Shutting down.
        }
    }
}
