using AgentGuard;
using AgentGuard.Samples.Shared;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Microsoft Agent Framework: one line, AIAgentBuilder.UseAgentGuard(), guards every function the agent calls.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Logging.ClearProviders();
builder.Services.AddAgentGuard(builder.Configuration.GetSection("AgentGuard")).AddAuditSink(new DecisionPrinter());
using var host = builder.Build();

var transfers = new List<string>();
AIFunction[] tools =
[
    AIFunctionFactory.Create(() => "Balance: 12,400 EUR", "get_balance"),
    AIFunctionFactory.Create((string to, decimal amount) => { transfers.Add($"{amount} to {to}"); return $"Sent {amount} EUR to {to}."; }, "transfer_funds"),
];

var model = new ScriptedChatClient(
    _ => ScriptedChatClient.Calls(("get_balance", [])),
    _ => ScriptedChatClient.Calls(("transfer_funds", new() { ["to"] = "ACME Ltd", ["amount"] = 250 }), ("transfer_funds", new() { ["to"] = "ACME Ltd", ["amount"] = 9000 })),
    ScriptedChatClient.Answer);

AIAgent agent = new ChatClientAgent(model, instructions: "You are the accounts-payable assistant.", name: "payables", tools: tools)
    .AsBuilder()
    .UseAgentGuard()
    .Build(host.Services);

Console.WriteLine("Agent Framework sample: a payables agent run by a clerk (not in the treasury group).");
var response = await agent.RunAsync(
    "Check the balance and pay ACME's two invoices: 250 and 9000 EUR.",
    options: new ChatClientAgentRunOptions(new ChatOptions
    {
        AdditionalProperties = new() { [GuardContextKeys.UserId] = "clerk-1", [GuardContextKeys.UserGroups] = "accounts" },
    }));
Console.WriteLine("Agent: " + response.Text);
Console.WriteLine("Transfers made: " + (transfers.Count == 0 ? "none" : string.Join("; ", transfers)));
