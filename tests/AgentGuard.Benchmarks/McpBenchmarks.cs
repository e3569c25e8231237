using System.ComponentModel;
using System.IO.Pipelines;
using System.Text.Json.Nodes;
using AgentGuard;
using AgentGuard.Mcp;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGuard.Benchmarks;

/// <summary>
/// MCP guard overhead: a tools/call round trip over in-memory pipes to the SDK's own server, guarded vs unguarded;
/// and the guard's work on a 1,000-tool listing (grant filtering, SHA-256 pin check and poisoning scan of every tool).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class McpBenchmarks
{
    private const int ToolCount = 1000;
    private readonly Dictionary<string, object?> _arguments = new() { ["message"] = "hello" };
    private readonly List<IAsyncDisposable> _disposables = [];
    private ServiceProvider _services = null!;
    private McpClient _unguarded = null!;
    private McpClient _guarded = null!;
    private McpToolGate _gate = null!;
    private JsonObject _listing = null!;
    private GuardContext _context = null!;
    private McpServerDefinition _big = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var listing = new JsonArray();
        var pins = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < ToolCount; i++)
        {
            var tool = JsonNode.Parse($$"""
            { "name": "tool_{{i}}", "description": "Reads record {{i}} from the inventory service and returns its fields as JSON. Only works within the caller's tenant.",
              "inputSchema": { "type": "object", "properties": { "id": { "type": "string", "description": "the record id" }, "fields": { "type": "array", "items": { "type": "string" }, "description": "fields to return" } }, "required": ["id"] },
              "annotations": { "readOnlyHint": true, "idempotentHint": true, "openWorldHint": false } }
            """)!.AsObject();
            pins["tool_" + i] = McpToolPins.Compute(tool);
            listing.Add(tool);
        }

        _listing = new JsonObject { ["tools"] = listing };
        var services = new ServiceCollection();
        services.AddAgentGuard().AddMcpRegistry(registry =>
        {
            registry.Servers["bench"] = new McpServerEntryOptions { Version = "^1.0.0", Tools = [new McpToolGrantOptions { Names = ["echo", "tool_*"] }] };
            registry.Servers["big"] = new McpServerEntryOptions { Tools = [new McpToolGrantOptions { Names = ["tool_*"], Teams = ["inventory"] }], Pins = pins };
        });
        _services = services.BuildServiceProvider();
        var factory = _services.GetRequiredService<GuardedMcpClientFactory>();

        _unguarded = await McpClient.CreateAsync(StartServer());
        _guarded = await factory.CreateAsync("bench", StartServer());
        _gate = new McpToolGate("big", factory.Registry, _services.GetRequiredService<ToolGuard>(), new GuardedMcpClientOptions(), NullLogger.Instance);
        _context = new GuardContext { Team = "inventory" };
        _big = factory.Registry.GetServer("big");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _guarded.DisposeAsync();
        await _unguarded.DisposeAsync();
        foreach (var disposable in _disposables)
        {
            await disposable.DisposeAsync();
        }

        await _services.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "tools/call, unguarded")]
    public async Task<CallToolResult> CallUnguarded() => await _unguarded.CallToolAsync("echo", _arguments);

    [Benchmark(Description = "tools/call, guarded")]
    public async Task<CallToolResult> CallGuarded() => await _guarded.CallToolAsync("echo", _arguments);

    [Benchmark(Description = "1,000-tool listing: filter + pin + scan (repeat listing)")]
    public int FilterThousandTools()
    {
        _gate.FilterList(_listing, _context); // every tool is granted and pinned, so nothing is removed and the node can be reused
        return ((JsonArray)_listing["tools"]!).Count;
    }

    [Benchmark(Description = "1,000-tool listing: filter + pin + scan (first listing)")]
    public int FilterThousandToolsCold()
    {
        _big.Verdicts.Clear(); // forget earlier verdicts: every definition is hashed and scanned again
        _gate.FilterList(_listing, _context);
        return ((JsonArray)_listing["tools"]!).Count;
    }

    private StreamClientTransport StartServer()
    {
        var clientToServer = new Pipe();
        var serverToClient = new Pipe();
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "bench", Version = "1.0.0" },
            ToolCollection = [McpServerTool.Create(([Description("the message")] string message) => "echo: " + message, new McpServerToolCreateOptions { Name = "echo", ReadOnly = true })],
        };
        var server = McpServer.Create(new StreamServerTransport(clientToServer.Reader.AsStream(), serverToClient.Writer.AsStream()), options);
        _ = server.RunAsync();
        _disposables.Add(server);
        return new StreamClientTransport(clientToServer.Writer.AsStream(), serverToClient.Reader.AsStream());
    }
}
