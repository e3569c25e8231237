using AgentGuard.Samples.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.AI;

var builder = WebApplication.CreateBuilder(args);

// 1. The guard: policy from configuration, the user and session from the request, approvals on a web page.
builder.Services.AddAgentGuard(builder.Configuration.GetSection("AgentGuard"))
    .AddHttpContextUser()
    .AddWebApprovals();
builder.Services.AddHealthChecks().AddAgentGuard();

// 2. The agent: a chat pipeline whose tool calls are decided by AgentGuard before they run.
builder.Services.AddChatClient(new PaymentsModel())
    .UseAgentGuard(agent => { agent.AgentId = "payments"; agent.AgentName = "Payments assistant"; })
    .UseFunctionInvocation();

// 3. Sign-in: cookies; the demo users stand in for your identity provider.
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
builder.Services.AddAuthorization();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/", () => Results.Content("""
    <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>AgentGuard web sample</title></head><body>
    <h1>AgentGuard web sample</h1>
    <p>Sign in as <a href="/demo/signin/alice">alice</a> (asks the agent to pay) or <a href="/demo/signin/bob">bob</a> (approves).</p>
    <p><a href="/agentguard/approvals">Approvals</a> · <a href="/health">Health</a></p>
    </body></html>
    """, "text/html; charset=utf-8"));

app.MapGet("/demo/signin/{name}", async (string name, HttpContext http) =>
{
    if (DemoUsers.SignIn(name) is not { } principal)
    {
        return Results.NotFound();
    }

    await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
    return Results.Redirect(name == "alice" ? "/" : "/agentguard/approvals");
});

// The agent endpoint: the route's conversationId becomes the AgentGuard session (scoped to the signed-in user).
app.MapPost("/chat/{conversationId}", async (string conversationId, ChatRequest request, IChatClient agent, CancellationToken cancellationToken) =>
{
    var wire = AIFunctionFactory.Create((string to, int amount, string memo, string pin) => $"sent {amount} to {to}", "wire_funds", "Wires money.");
    var response = await agent.GetResponseAsync(request.Message, new ChatOptions { Tools = [wire] }, cancellationToken);
    return Results.Ok(new { reply = response.Text });
}).RequireAuthorization();

app.MapAgentGuardApprovals();
app.MapHealthChecks("/health");

app.Run();

/// <summary>A message to the agent.</summary>
/// <param name="Message">What the user asks, e.g. "pay 900 to ACME Ltd for invoice 7".</param>
internal sealed record ChatRequest(string Message);

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
