using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGuard.Mcp.Tests;

/// <summary>
/// The SDK's own MCP server, in process over pipes, whose <c>fetch_page</c> answers with a result of any shape (embedded
/// resources, resource links, structured content, images) or, made with <see cref="Failing"/>, with a JSON-RPC error,
/// and whose <c>echo</c> answers with text.
/// </summary>
internal sealed class ShapedResultServer : IAsyncDisposable
{
    private readonly PipedMcpServer _piped;
    private int _echoCalls;

    public ShapedResultServer(CallToolResult fetchResult)
        : this(() => fetchResult)
    {
    }

    private ShapedResultServer(Func<CallToolResult> fetch)
    {
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "in-process", Version = "1.2.0" },
            ToolCollection =
            [
                McpServerTool.Create((string url) => fetch(), new McpServerToolCreateOptions { Name = "fetch_page", Description = "Fetches a web page.", ReadOnly = true, OpenWorld = true }),
                McpServerTool.Create((string message) => { Interlocked.Increment(ref _echoCalls); return "echo: " + message; },
                    new McpServerToolCreateOptions { Name = "echo", Description = "Echoes the message back.", ReadOnly = true }),
            ],
        };
        _piped = new PipedMcpServer(options);
    }

    /// <summary>The client side of the pipes (one client per server).</summary>
    public IClientTransport Transport => _piped.Transport;

    public int EchoCalls => Volatile.Read(ref _echoCalls);

    /// <summary>
    /// A server whose <c>fetch_page</c> fails with a JSON-RPC error carrying <paramref name="errorMessage"/> (the SDK sends
    /// an <see cref="McpProtocolException"/> thrown by a tool as a JSON-RPC error response, not as a result).
    /// </summary>
    public static ShapedResultServer Failing(string errorMessage)
        => new(() => throw new McpProtocolException(errorMessage, McpErrorCode.InternalError));

    public ValueTask DisposeAsync() => _piped.DisposeAsync();
}
