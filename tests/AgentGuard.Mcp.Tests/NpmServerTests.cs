using AgentGuard.Mcp;

namespace AgentGuard.Mcp.Tests;

/// <summary>The guarded client against published servers from npm (pinned in package.json), started over stdio.</summary>
public sealed class NpmServerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("agentguard-mcp-fs-").FullName;

    public NpmServerTests()
    {
        Environment.SetEnvironmentVariable("AGENTGUARD_NPM_FAKE_SECRET", "sk-live-npm-do-not-leak");
        Environment.SetEnvironmentVariable("AGENTGUARD_NPM_ALLOWED", "npm-allowed-value");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task ServerEverything_ListToolsAsync_OnlyGrantedToolsExist()
    {
        await using var services = McpTestHost.Create(Config());
        await using var client = await services.Factory().CreateAsync("everything");

        var names = (await client.ListToolsAsync()).Select(t => t.Name).ToList();

        names.Should().BeEquivalentTo(["echo", "get-env", "get-sum"]);
    }

    [Fact]
    public async Task ServerEverything_GetEnv_HostSecretIsAbsentAllowedIsPresent()
    {
        await using var services = McpTestHost.Create(Config());
        await using var client = await services.Factory().CreateAsync("everything");

        var result = await client.CallToolAsync("get-env");
        var text = GuardedClientInProcessTests.Text(result);

        text.Should().Contain("AGENTGUARD_NPM_ALLOWED").And.Contain("npm-allowed-value");
        text.Should().NotContain("AGENTGUARD_NPM_FAKE_SECRET").And.NotContain("sk-live-npm-do-not-leak");
    }

    [Fact]
    public async Task ServerEverything_AllowedCall_ReturnsRealResult()
    {
        await using var services = McpTestHost.Create(Config());
        await using var client = await services.Factory().CreateAsync("everything");

        var result = await client.CallToolAsync("get-sum", new Dictionary<string, object?> { ["a"] = 2, ["b"] = 40 });

        GuardedClientInProcessTests.Text(result).Should().Contain("42");
    }

    [Fact]
    public async Task ServerEverything_UngrantedTool_IsDenied()
    {
        await using var services = McpTestHost.Create(Config());
        await using var client = await services.Factory().CreateAsync("everything");

        var result = await client.CallToolAsync("toggle-simulated-logging");

        result.IsError.Should().BeTrue();
        GuardedClientInProcessTests.Text(result).Should().Be("toggle-simulated-logging was not run: this tool is not available.");
    }

    [Fact]
    public async Task ServerFilesystem_DeniedWrite_LeavesNoFileAllowedWriteWritesIt()
    {
        await using var services = McpTestHost.Create(Config());
        await using var client = await services.Factory().CreateAsync("filesystem");
        var blocked = Path.Combine(_root, "blocked-report.txt");
        var allowed = Path.Combine(_root, "notes.txt");

        var denied = await client.CallToolAsync("write_file", new Dictionary<string, object?> { ["path"] = blocked, ["content"] = "nope" });
        var written = await client.CallToolAsync("write_file", new Dictionary<string, object?> { ["path"] = allowed, ["content"] = "hello from the agent" });

        denied.IsError.Should().BeTrue();
        GuardedClientInProcessTests.Text(denied).Should().Contain("write_file was not run");
        File.Exists(blocked).Should().BeFalse();
        written.IsError.Should().NotBe(true);
        File.ReadAllText(allowed).Should().Be("hello from the agent");
    }

    [Fact]
    public async Task ServerFilesystem_ListToolsAsync_UngrantedToolsAbsent()
    {
        await using var services = McpTestHost.Create(Config());
        await using var client = await services.Factory().CreateAsync("filesystem");

        var names = (await client.ListToolsAsync()).Select(t => t.Name).ToList();

        names.Should().BeEquivalentTo(["read_text_file", "write_file", "list_allowed_directories"]);
    }

    private string Config() => $$"""
    {
      "AgentGuard": {
        "Rules": [
          { "Id": "no-blocked-paths", "Effect": "Deny", "Match": { "Tools": ["write_file"], "Sources": ["filesystem"] },
            "When": { "Arguments": [ { "Path": "$.path", "Contains": "blocked" } ] } }
        ],
        "Registry": {
          "Servers": {
            "everything": {
              "Name": "mcp-servers/everything", "Publisher": "modelcontextprotocol", "Version": "^2.0.0",
              "Command": {{McpTestHost.Json(TestServers.NodeBin("mcp-server-everything"))}}, "Arguments": [ "stdio" ],
              "PassEnvironment": [ "AGENTGUARD_NPM_ALLOWED" ],
              "Tools": [ { "Names": [ "echo", "get-env", "get-sum" ] } ]
            },
            "filesystem": {
              "Name": "secure-filesystem-server", "Publisher": "modelcontextprotocol", "Version": "0.2.*",
              "Command": {{McpTestHost.Json(TestServers.NodeBin("mcp-server-filesystem"))}}, "Arguments": [ {{McpTestHost.Json(_root)}} ],
              "Tools": [ { "Names": [ "read_text_file", "write_file", "list_allowed_directories" ] } ]
            }
          }
        }
      }
    }
    """;
}
