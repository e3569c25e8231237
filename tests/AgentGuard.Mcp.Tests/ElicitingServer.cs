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
    private readonly PipedMcpServer _piped;

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
        _piped = new PipedMcpServer(options);
    }

    /// <summary>The client side of the pipes (one client per server).</summary>
    public IClientTransport Transport => _piped.Transport;

    public ValueTask DisposeAsync() => _piped.DisposeAsync();
}
