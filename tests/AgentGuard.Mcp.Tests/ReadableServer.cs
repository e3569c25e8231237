using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGuard.Mcp.Tests;

/// <summary>
/// The SDK's own MCP server, in process over pipes, serving a resource (<c>notes://inbox</c>), a secret-store resource
/// (<c>vault://keys</c>) and a prompt (<c>summarize</c>) whose text the test chooses, and an <c>echo</c> tool; it
/// counts what really ran.
/// </summary>
internal sealed class ReadableServer : IAsyncDisposable
{
    private readonly PipedMcpServer _piped;
    private int _reads;
    private int _prompts;
    private int _echoCalls;

    public ReadableServer(string resourceText, string promptText = "Summarize the notes.", string resourceDescription = "The notes in the inbox.", string promptDescription = "Summarizes the notes.")
    {
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "in-process", Version = "1.2.0" },
            ToolCollection =
            [
                McpServerTool.Create((string message) => { Interlocked.Increment(ref _echoCalls); return "echo: " + message; },
                    new McpServerToolCreateOptions { Name = "echo", Description = "Echoes the message back.", ReadOnly = true }),
            ],
            ResourceCollection =
            [
                McpServerResource.Create(() => { Interlocked.Increment(ref _reads); return resourceText; },
                    new McpServerResourceCreateOptions { UriTemplate = "notes://inbox", Name = "inbox", MimeType = "text/plain", Description = resourceDescription }),
                McpServerResource.Create(() => { Interlocked.Increment(ref _reads); return "all the keys"; },
                    new McpServerResourceCreateOptions { UriTemplate = "vault://keys", Name = "keys", MimeType = "text/plain", Description = "The team's keys." }),
            ],
            PromptCollection =
            [
                McpServerPrompt.Create((string topic) => { Interlocked.Increment(ref _prompts); return promptText + " Topic: " + topic; },
                    new McpServerPromptCreateOptions { Name = "summarize", Description = promptDescription }),
            ],
        };
        _piped = new PipedMcpServer(options);
    }

    /// <summary>The client side of the pipes (one client per server).</summary>
    public IClientTransport Transport => _piped.Transport;

    public int Reads => Volatile.Read(ref _reads);

    public int Prompts => Volatile.Read(ref _prompts);

    public int EchoCalls => Volatile.Read(ref _echoCalls);

    public ValueTask DisposeAsync() => _piped.DisposeAsync();
}
