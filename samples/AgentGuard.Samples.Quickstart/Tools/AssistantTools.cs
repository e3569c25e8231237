using System.ComponentModel;
using AgentGuard.Mcp;
using AgentGuard.Samples.Quickstart.Story;
using AgentGuard.Shell;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;

namespace AgentGuard.Samples.Quickstart.Tools;

/// <summary>
/// The assistant's tools. They are ordinary code: the shell, HTTP and MCP tools use AgentGuard's guarded runner,
/// guarded HttpClient and registry-backed MCP factory, so what happens inside a tool is decided too.
/// </summary>
internal sealed class AssistantTools(IGuardedShell shell, IHttpClientFactory http, GuardedMcpClientFactory mcp, Ledger ledger)
{
    public IList<AITool> All =>
    [
        AIFunctionFactory.Create(ReadInbox, "read_inbox"),
        AIFunctionFactory.Create(SendMoney, "send_money"),
        AIFunctionFactory.Create(ForwardEmail, "forward_email"),
        AIFunctionFactory.Create(RunShellAsync, "run_shell"),
        AIFunctionFactory.Create(HttpPostAsync, "http_post"),
        AIFunctionFactory.Create(UseMcpToolAsync, "use_mcp_tool"),
    ];

    [Description("Reads the user's inbox.")]
    private string ReadInbox()
    {
        ledger.Record("read the inbox");
        return Inbox.Read();
    }

    [Description("Transfers money from the user's account.")]
    private string SendMoney(string iban, decimal amount, string reference)
    {
        ledger.Record($"PAID {amount} EUR to {iban} ({reference})");
        return $"Transferred {amount} EUR to {iban}.";
    }

    [Description("Forwards an email.")]
    private string ForwardEmail(string to, int messageId)
    {
        ledger.Record($"FORWARDED message {messageId} to {to}");
        return $"Forwarded message {messageId} to {to}.";
    }

    [Description("Runs a shell command.")]
    private async Task<string> RunShellAsync(string command, CancellationToken cancellationToken)
    {
        var result = await shell.RunAsync(command, options: null, cancellationToken);
        if (!result.Ran)
        {
            return result.Decision.ModelMessage;
        }

        ledger.Record($"RAN `{command}` (exit {result.ExitCode})");
        return result.StandardOutput;
    }

    [Description("Sends an HTTP POST.")]
    private async Task<string> HttpPostAsync(string url, string body, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.CreateClient("web").PostAsync(new Uri(url), new StringContent(body), cancellationToken);
            ledger.Record($"POSTED {body.Length} characters to {url}");
            return $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is ToolCallDeniedException || ex.InnerException is ToolCallDeniedException)
        {
            return ex is ToolCallDeniedException denied ? denied.Message : ex.InnerException!.Message;
        }
        catch (HttpRequestException ex)
        {
            return "The request failed: " + ex.Message;
        }
    }

    [Description("Calls a tool of an MCP server.")]
    private async Task<string> UseMcpToolAsync(string server, string tool, string text, CancellationToken cancellationToken)
    {
        try
        {
            await using var client = await mcp.CreateAsync(server, cancellationToken: cancellationToken);
            var result = await client.CallToolAsync(tool, new Dictionary<string, object?> { ["text"] = text }, cancellationToken: cancellationToken);
            var output = string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));
            if (result.IsError != true)
            {
                ledger.Record($"MCP {server}/{tool}: {output}");
            }

            return output;
        }
        catch (McpServerNotApprovedException ex)
        {
            Console.WriteLine($"    ✗ REFUSED  MCP server '{server}' — {ex.Message}");
            return $"The MCP server '{server}' is not available.";
        }
    }
}
