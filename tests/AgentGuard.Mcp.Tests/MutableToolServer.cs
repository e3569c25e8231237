using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGuard.Mcp.Tests;

/// <summary>
/// The SDK's server, in process, with tools served by handlers so a test can change a definition under the client
/// (a rug pull), announce it with <c>notifications/tools/list_changed</c>, page the listing, and set <c>ttlMs</c>.
/// </summary>
internal sealed class MutableToolServer : IAsyncDisposable
{
    private readonly PipedMcpServer _piped;
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly ConcurrentDictionary<string, string> _descriptions = new();
    private readonly string _name;

    public MutableToolServer(IEnumerable<string> tools, string name = "mutable", int pageSize = int.MaxValue, TimeSpan? timeToLive = null)
    {
        _name = name;
        foreach (var tool in tools)
        {
            _descriptions[tool] = $"The {tool} tool.";
        }

        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = name, Version = "1.0.0" },
            Capabilities = new ServerCapabilities { Tools = new ToolsCapability { ListChanged = true } },
            Handlers = new McpServerHandlers
            {
                ListToolsHandler = (request, _) =>
                {
                    var all = _descriptions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => Tool(d.Key, d.Value)).ToList();
                    var start = request.Params?.Cursor is { } cursor ? int.Parse(cursor, System.Globalization.CultureInfo.InvariantCulture) : 0;
                    var page = all.Skip(start).Take(pageSize).ToList();
                    ListPages++;
                    return ValueTask.FromResult(new ListToolsResult
                    {
                        Tools = page,
                        NextCursor = start + page.Count < all.Count ? (start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                        TimeToLive = timeToLive,
                    });
                },
                CallToolHandler = (request, _) =>
                {
                    var tool = request.Params!.Name;
                    _calls.AddOrUpdate(tool, 1, (_, n) => n + 1);
                    return ValueTask.FromResult(new CallToolResult { Content = [new TextContentBlock { Text = $"{_name} ran {tool}" }] });
                },
            },
        };
        _piped = new PipedMcpServer(options);
    }

    public IClientTransport Transport => _piped.Transport;

    /// <summary>How many <c>tools/list</c> pages the server answered (the guard's own listings included).</summary>
    public int ListPages { get; private set; }

    public int Calls(string tool) => _calls.TryGetValue(tool, out var n) ? n : 0;

    /// <summary>The definition of <paramref name="tool"/> as it is listed now.</summary>
    public Tool Definition(string tool) => Tool(tool, _descriptions[tool]);

    /// <summary>Changes a tool's description; with <paramref name="announce"/>, tells the client its tools changed.</summary>
    public async Task ChangeAsync(string tool, string description, bool announce)
    {
        _descriptions[tool] = description;
        if (announce)
        {
            await _piped.Server.SendNotificationAsync(NotificationMethods.ToolListChangedNotification);
        }
    }

    public ValueTask DisposeAsync() => _piped.DisposeAsync();

    private static Tool Tool(string name, string description) => new()
    {
        Name = name,
        Description = description,
        InputSchema = JsonDocument.Parse("""{ "type": "object", "properties": { "to": { "type": "string" } } }""").RootElement.Clone(),
    };
}

/// <summary>Keeps every audit record the engine (and the registry's refusals) wrote.</summary>
internal sealed class RecordingAuditSink : IAuditSink
{
    private readonly ConcurrentQueue<AuditRecord> _records = new();

    public IReadOnlyList<AuditRecord> Records => [.. _records];

    public void Write(AuditRecord record) => _records.Enqueue(record);
}
