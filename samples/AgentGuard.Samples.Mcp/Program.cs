using System.ComponentModel;
using AgentGuard;
using AgentGuard.Mcp;
using AgentGuard.Samples.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// The MCP registry: only approved servers start, each team sees only its tools, and servers get only the
// environment variables the registry lists. The "docs" server is this program started with --mcp-server.
if (args.Contains("--mcp-server"))
{
    var serverOptions = new McpServerOptions
    {
        ServerInfo = new Implementation { Name = "docs", Version = "1.2.0" },
        ToolCollection =
        [
            McpServerTool.Create([Description("Reads a document.")] (string name) => $"Contents of {name}: the onboarding guide.", new McpServerToolCreateOptions { Name = "read_doc", ReadOnly = true }),
            McpServerTool.Create([Description("Deletes a document.")] (string name) => $"Deleted {name}.", new McpServerToolCreateOptions { Name = "delete_doc", Destructive = true }),
            McpServerTool.Create([Description("Reports which environment variables the server received.")] () =>
                $"DOCS_REGION={Environment.GetEnvironmentVariable("DOCS_REGION") ?? "(absent)"}, DB_PASSWORD={Environment.GetEnvironmentVariable("DB_PASSWORD") ?? "(absent)"}", new McpServerToolCreateOptions { Name = "check_env", ReadOnly = true }),
        ],
    };
    await using var server = McpServer.Create(new StdioServerTransport("docs"), serverOptions);
    await server.RunAsync();
    return;
}

// The host holds a secret the MCP server must never see, and a setting it may.
Environment.SetEnvironmentVariable("DB_PASSWORD", "host-only-secret");
Environment.SetEnvironmentVariable("DOCS_REGION", "eu-west");

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Logging.ClearProviders();
builder.Services.AddAgentGuard(builder.Configuration.GetSection("AgentGuard"))
    .AddMcpRegistry(builder.Configuration.GetSection("AgentGuard:Registry"))
    .AddAuditSink(new DecisionPrinter());
builder.Services.PostConfigure<McpRegistryOptions>(r => r.Servers["docs"].Arguments = [typeof(Program).Assembly.Location, "--mcp-server"]);
using var host = builder.Build();
var factory = host.Services.GetRequiredService<GuardedMcpClientFactory>();

foreach (var team in new[] { "support", "eng" })
{
    await using var client = await factory.CreateAsync("docs", new GuardedMcpClientOptions { Team = team, Environment = "prod" });
    var tools = await client.ListToolsAsync();
    Console.WriteLine($"Team {team} sees: {string.Join(", ", tools.Select(t => t.Name).Order())}");
    Console.WriteLine($"  read_doc: {await CallAsync(client, "read_doc", "onboarding.md")}");
    Console.WriteLine($"  delete_doc: {await CallAsync(client, "delete_doc", "onboarding.md")}");
    if (team == "support")
    {
        Console.WriteLine($"  check_env: {await CallAsync(client, "check_env", null)}");
    }
}

try
{
    await factory.CreateAsync("shadow-tools");
}
catch (McpServerNotApprovedException ex)
{
    Console.WriteLine("Unlisted server refused: " + ex.Message);
}

static async Task<string> CallAsync(ModelContextProtocol.Client.McpClient client, string tool, string? name)
{
    var result = await client.CallToolAsync(tool, name is null ? null : new Dictionary<string, object?> { ["name"] = name });
    return (result.IsError == true ? "[error] " : string.Empty) + string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));
}
