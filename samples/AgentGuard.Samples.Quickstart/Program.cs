using AgentGuard;
using AgentGuard.Mcp;
using AgentGuard.Samples.Quickstart;
using AgentGuard.Samples.Quickstart.Output;
using AgentGuard.Samples.Quickstart.Story;
using AgentGuard.Samples.Quickstart.Tools;
using AgentGuard.Shell;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The approved "notes" MCP server is this program started with --mcp-server (see appsettings.json, Registry).
if (args.Contains("--mcp-server"))
{
    await NotesServer.RunAsync();
    return 0;
}

var style = new ConsoleStyle();
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Logging.ClearProviders();

// 1. AgentGuard: the engine and its policy, from the "AgentGuard" section of appsettings.json.
builder.Services.AddAgentGuard(builder.Configuration.GetSection("AgentGuard"))
    .AddAuditSink(new DecisionPrinter(style))              // print every decision (a real app logs and exports them)
    .AddApprovalHandler(new ConsoleApprover(style))        // asks at the terminal; nobody there means no
    .AddShell(builder.Configuration.GetSection("AgentGuard"))
    .AddMcpRegistry(builder.Configuration.GetSection("AgentGuard:Registry"));
builder.Services.PostConfigure<McpRegistryOptions>(registry =>
{
    // The local notes server is this very program; point the registry entry at its own assembly.
    if (registry.Servers.TryGetValue("notes", out var notes))
    {
        notes.Arguments = [typeof(NotesServer).Assembly.Location, "--mcp-server"];
    }
});

// 2. The tools' HTTP egress goes through the guarded HttpClient.
builder.Services.AddHttpClient("web").AddAgentGuard();

// 3. The agent: any IChatClient, with AgentGuard deciding every function call before it runs.
builder.Services.AddSingleton<Ledger>();
builder.Services.AddSingleton<AssistantTools>();
builder.Services.AddChatClient(_ => ModelFactory.Create(line => Console.WriteLine(style.Bold("  ▶ " + line))))
    .UseAgentGuard()          // before UseFunctionInvocation(): the guard must sit above the function-invoking client
    .UseFunctionInvocation();

using var host = builder.Build();
var chat = host.Services.GetRequiredService<IChatClient>();
var tools = host.Services.GetRequiredService<AssistantTools>();

Console.WriteLine(style.Bold("AgentGuard quickstart") + style.Dim(ModelFactory.UsesRealModel ? "  (real model)" : "  (scripted model, offline)"));
Console.WriteLine($"  user: {ScriptedModel.UserPrompt}");
Console.WriteLine();

var options = new ChatOptions
{
    Tools = tools.All,
    AdditionalProperties = new()
    {
        [GuardContextKeys.SessionId] = "quickstart-" + Guid.NewGuid().ToString("N")[..8],
        [GuardContextKeys.UserId] = "alice",
        [GuardContextKeys.UserGroups] = "staff",
        [GuardContextKeys.Team] = "personal-assistant",
        [GuardContextKeys.Environment] = "prod",
    },
};
var response = await chat.GetResponseAsync(
    [
        new ChatMessage(ChatRole.System, "You are Alice's personal assistant. You handle her mail, payments and notes."),
        new ChatMessage(ChatRole.User, ScriptedModel.UserPrompt),
    ],
    options);

Console.WriteLine();
Console.WriteLine(style.Bold("  assistant: ") + response.Text);
Console.WriteLine();
Console.WriteLine(style.Bold("What actually happened:"));
foreach (var entry in host.Services.GetRequiredService<Ledger>().Entries)
{
    Console.WriteLine("    • " + entry);
}

Console.WriteLine();
Console.WriteLine(style.Dim("Change a rule in appsettings.json (next to this program's source) and run again to see the effect."));
return 0;
