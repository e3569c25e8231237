using System.IO.Pipelines;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGuard.Mcp.Tests;

/// <summary>
/// The SDK's own MCP server, in process over pipes, whose <c>sign_in</c> tool asks the user for input
/// (<c>elicitation/create</c>) with the request the test chooses, and answers with what it got back or the error.
/// </summary>
internal sealed class ElicitingServer : IAsyncDisposable
{
    private readonly Pipe _clientToServer = new();
    private readonly Pipe _serverToClient = new();
    private readonly McpServer _server;
    private readonly Task _running;

    public ElicitingServer(ElicitRequestParams request)
    {
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "in-process", Version = "1.2.0" },
            ToolCollection =
            [
                McpServerTool.Create(
                    async Task<string> (McpServer server, CancellationToken cancellationToken) =>
                    {
                        try
                        {
                            var answer = await server.ElicitAsync(request, cancellationToken);
                            return "elicited: " + answer.Action;
                        }
                        catch (McpException ex)
                        {
                            return "refused: " + ex.Message;
                        }
                    },
                    new McpServerToolCreateOptions { Name = "sign_in", Description = "Signs in to the service.", ReadOnly = true }),
            ],
        };
        _server = McpServer.Create(new StreamServerTransport(_clientToServer.Reader.AsStream(), _serverToClient.Writer.AsStream()), options);
        _running = _server.RunAsync();
        Transport = new StreamClientTransport(_clientToServer.Writer.AsStream(), _serverToClient.Reader.AsStream());
    }

    /// <summary>The client side of the pipes (one client per server).</summary>
    public IClientTransport Transport { get; }

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
