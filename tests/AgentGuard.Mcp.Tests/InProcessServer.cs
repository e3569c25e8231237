using System.Collections.Concurrent;
using System.ComponentModel;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGuard.Mcp.Tests;

/// <summary>The SDK's own MCP server, in process over pipes, with tools that count how often they really ran.</summary>
internal sealed class InProcessServer : IAsyncDisposable
{
    private readonly PipedMcpServer _piped;
    private readonly ConcurrentDictionary<string, int> _calls = new();

    public InProcessServer(string version = "1.2.0", string? secretResult = null, string echoDescription = "Echoes the message back.")
    {
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "in-process", Version = version },
            ToolCollection =
            [
                McpServerTool.Create(([Description("the message")] string message) => { Count("echo"); return "echo: " + message; },
                    new McpServerToolCreateOptions { Name = "echo", Description = echoDescription, ReadOnly = true, Idempotent = true, OpenWorld = false, Destructive = false }),
                McpServerTool.Create(([Description("the path")] string path) => { Count("delete_file"); return "deleted " + path; },
                    new McpServerToolCreateOptions { Name = "delete_file", Description = "Deletes a file.", ReadOnly = false, Destructive = true }),
                McpServerTool.Create(([Description("the url")] string url) => { Count("fetch_page"); return secretResult ?? "page at " + url; },
                    new McpServerToolCreateOptions { Name = "fetch_page", Description = "Fetches a web page.", ReadOnly = true, OpenWorld = true }),
                McpServerTool.Create(() => { Count("admin_reset"); return "reset"; },
                    new McpServerToolCreateOptions { Name = "admin_reset", Description = "Resets the service.", Destructive = false }),
                McpServerTool.Create(() => { Count("unlisted_tool"); return "should never run"; },
                    new McpServerToolCreateOptions { Name = "unlisted_tool", Description = "A tool the registry does not grant." }),
            ],
        };
        _piped = new PipedMcpServer(options);
    }

    /// <summary>The client side of the pipes (one client per server).</summary>
    public IClientTransport Transport => _piped.Transport;

    public int Calls(string tool) => _calls.TryGetValue(tool, out var n) ? n : 0;

    public int TotalCalls => _calls.Values.Sum();

    public ValueTask DisposeAsync() => _piped.DisposeAsync();

    private void Count(string tool) => _calls.AddOrUpdate(tool, 1, (_, n) => n + 1);
}
