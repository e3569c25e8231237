using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentGuard.Samples.Quickstart;

/// <summary>
/// A tiny MCP server over stdio — the sample started with <c>--mcp-server</c> — that keeps the user's notes in a
/// temporary file. It is the registry's approved "notes" server.
/// </summary>
internal static class NotesServer
{
    public static async Task RunAsync()
    {
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "quickstart-notes", Version = "1.0.0" },
            ToolCollection = [McpServerTool.Create(SaveNote, new McpServerToolCreateOptions { Name = "save_note", Idempotent = false })],
        };
        await using var server = McpServer.Create(new StdioServerTransport("quickstart-notes"), options);
        await server.RunAsync();
    }

    [Description("Saves a note.")]
    private static string SaveNote([Description("The note")] string text)
    {
        var file = Path.Combine(Path.GetTempPath(), "agentguard-quickstart-notes.md");
        File.AppendAllText(file, $"- {DateTimeOffset.Now:u} {text}{Environment.NewLine}");
        return $"Saved the note ({text.Length} characters).";
    }
}
