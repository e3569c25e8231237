using AgentGuard.Mcp;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace AgentGuard.Mcp.Tests;

/// <summary>The guarded client against the stdio test server (a real child process started with <c>dotnet</c>).</summary>
public sealed class StdioTestServerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agentguard-mcp-stdio-").FullName;

    public StdioTestServerTests()
    {
        Environment.SetEnvironmentVariable("AGENTGUARD_STDIO_FAKE_SECRET", "hunter2-do-not-leak");
        Environment.SetEnvironmentVariable("AGENTGUARD_STDIO_ALLOWED", "allowed-value");
    }

    private string CallLog => Path.Combine(_directory, "calls.log");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task CallToolAsync_Stdio_ServerReceivesOnlyAllowedEnvironment()
    {
        await using var services = McpTestHost.Create(Config());
        await using var client = await services.Factory().CreateAsync("testserver");

        var secret = await client.CallToolAsync("read_env", new Dictionary<string, object?> { ["name"] = "AGENTGUARD_STDIO_FAKE_SECRET" });
        var allowed = await client.CallToolAsync("read_env", new Dictionary<string, object?> { ["name"] = "AGENTGUARD_STDIO_ALLOWED" });
        var fixedValue = await client.CallToolAsync("read_env", new Dictionary<string, object?> { ["name"] = "AGENTGUARD_TEST_VARIANT" });
        var path = await client.CallToolAsync("read_env", new Dictionary<string, object?> { ["name"] = "PATH" });

        GuardedClientInProcessTests.Text(secret).Should().Be("AGENTGUARD_STDIO_FAKE_SECRET is not set");
        GuardedClientInProcessTests.Text(allowed).Should().Be("AGENTGUARD_STDIO_ALLOWED=allowed-value");
        GuardedClientInProcessTests.Text(fixedValue).Should().Be("AGENTGUARD_TEST_VARIANT=original");
        GuardedClientInProcessTests.Text(path).Should().StartWith("PATH=");
        Environment.GetEnvironmentVariable("AGENTGUARD_STDIO_FAKE_SECRET").Should().Be("hunter2-do-not-leak", "the secret is set in the host, so its absence proves the filter");
    }

    [Fact]
    public async Task CallToolAsync_EngineSeesWhatTheServerDeclares_DescriptionSchemaAndAnnotations()
    {
        var recorder = new RecordingPolicy();
        await using var services = McpTestHost.Create(Config(), builder => builder.AddPolicy(recorder));
        await using var client = await services.Factory().CreateAsync("testserver");

        await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "hi" });
        await client.CallToolAsync("lookup", new Dictionary<string, object?> { ["id"] = "42" });

        var echo = recorder.Calls.Single(c => c.ToolName == "echo").Descriptor;
        echo.Should().NotBeNull("role inference reads what the server declared");
        echo!.ReadOnlyHint.Should().BeTrue();
        echo.DestructiveHint.Should().BeFalse();
        echo.OpenWorldHint.Should().BeFalse();
        echo.ParametersSchema!.Value.GetProperty("properties").TryGetProperty("message", out _).Should().BeTrue();
        var lookup = recorder.Calls.Single(c => c.ToolName == "lookup").Descriptor!;
        lookup.Description.Should().Be("Looks up a record by id.");
        lookup.ParametersSchema!.Value.GetProperty("properties").GetProperty("id").GetProperty("description").GetString().Should().Be("the record id");
    }

    [Fact]
    public async Task CallToolAsync_StdioRepeatedSessions_EveryReplyDelivered()
    {
        // Regression: a reader that answered waits from two places at once lost replies now and then (about one
        // run in six), and the client then saw "the server shut down unexpectedly" in the middle of a call.
        await using var services = McpTestHost.Create(Config());
        for (var session = 0; session < 8; session++)
        {
            await using var client = await services.Factory().CreateAsync("testserver");
            await client.ListToolsAsync();
            for (var call = 0; call < 5; call++)
            {
                var reply = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = $"{session}.{call}" });
                GuardedClientInProcessTests.Text(reply).Should().Be($"echo: {session}.{call}");
            }

            (await client.CallToolAsync("write_file", new Dictionary<string, object?> { ["path"] = "x", ["content"] = "y" })).IsError.Should().BeTrue();
        }
    }

    [Fact]
    public async Task CallToolAsync_StdioDenied_NeverReachesTheServerProcess()
    {
        await using var services = McpTestHost.Create(Config());
        await using var client = await services.Factory().CreateAsync("testserver");
        var target = Path.Combine(_directory, "denied.txt");

        var denied = await client.CallToolAsync("write_file", new Dictionary<string, object?> { ["path"] = target, ["content"] = "x" });
        var allowed = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "hi" });

        denied.IsError.Should().BeTrue();
        File.Exists(target).Should().BeFalse();
        GuardedClientInProcessTests.Text(allowed).Should().Be("echo: hi");
        File.ReadAllLines(CallLog).Should().Equal("echo hi");
    }

    [Fact]
    public async Task ListToolsAsync_PinnedDefinitionUnchanged_IsListedAndCallable()
    {
        var pin = await RecordPinAsync();
        await using var services = McpTestHost.Create(Config(pin: pin));
        await using var client = await services.Factory().CreateAsync("testserver");

        (await client.ListToolsAsync()).Select(t => t.Name).Should().Contain("lookup");
        GuardedClientInProcessTests.Text(await client.CallToolAsync("lookup", new Dictionary<string, object?> { ["id"] = "7" })).Should().Be("record 7");
    }

    [Fact]
    public async Task ListToolsAsync_PinnedDefinitionChanged_IsHiddenDeniedAndAlerted()
    {
        var pin = await RecordPinAsync();
        await using var services = McpTestHost.Create(Config(pin: pin, variant: "changed"));
        await using var client = await services.Factory().CreateAsync("testserver");

        var names = (await client.ListToolsAsync()).Select(t => t.Name).ToList();
        var call = await client.CallToolAsync("lookup", new Dictionary<string, object?> { ["id"] = "7" });

        names.Should().Contain("echo").And.NotContain("lookup");
        call.IsError.Should().BeTrue();
        File.Exists(CallLog).Should().BeFalse("no call reached the server");
        var alert = services.Logs().GetSnapshot().Should().ContainSingle(r => r.Id.Id == 3405).Subject;
        alert.Level.Should().Be(LogLevel.Error);
        alert.Message.Should().Contain("testserver/lookup").And.Contain("pinned as " + pin).And.Contain("definition changed");
    }

    [Fact]
    public async Task ListToolsAsync_PoisonedDescription_IsHiddenWhenPolicyIsHide()
    {
        await using var services = McpTestHost.Create(Config(variant: "poisoned"));
        await using var client = await services.Factory().CreateAsync("testserver");

        (await client.ListToolsAsync()).Select(t => t.Name).Should().NotContain("lookup");
        (await client.CallToolAsync("lookup", new Dictionary<string, object?> { ["id"] = "1" })).IsError.Should().BeTrue();
        services.Logs().GetSnapshot().Should().ContainSingle(r => r.Id.Id == 3407)
            .Which.Message.Should().Contain("hidden").And.Contain("secret-access:\"~/.ssh\"").And.Contain("instruction:\"do not tell the user\"");
    }

    [Fact]
    public async Task ListToolsAsync_PoisonedDescription_IsKeptAndAlertedWhenPolicyIsFlag()
    {
        await using var services = McpTestHost.Create(Config(variant: "poisoned", poisoning: "Flag"));
        await using var client = await services.Factory().CreateAsync("testserver");

        (await client.ListToolsAsync()).Select(t => t.Name).Should().Contain("lookup");
        services.Logs().GetSnapshot().Should().ContainSingle(r => r.Id.Id == 3407).Which.Message.Should().Contain("flagged");
    }

    private async Task<string> RecordPinAsync()
    {
        await using var services = McpTestHost.Create(Config(log: false));
        await using var client = await services.Factory().CreateAsync("testserver");
        var lookup = (await client.ListToolsAsync()).Single(t => t.Name == "lookup");
        return McpToolPins.Compute(lookup.ProtocolTool);
    }

    private string Config(string? pin = null, string variant = "original", string poisoning = "Hide", bool log = true)
    {
        var arguments = log ? $"{McpTestHost.Json(TestServers.TestServerDll)}, \"--log\", {McpTestHost.Json(CallLog)}" : McpTestHost.Json(TestServers.TestServerDll);
        var pins = pin is null ? string.Empty : $", \"Pins\": {{ \"lookup\": \"{pin}\" }}";
        return $$"""
        {
          "AgentGuard": {
            "Rules": [ { "Id": "no-destructive", "Effect": "Deny", "Match": { "Tags": ["destructive"] } } ],
            "Registry": {
              "Poisoning": { "Action": "{{poisoning}}" },
              "Servers": {
                "testserver": {
                  "Name": "agentguard-test-server", "Publisher": "agentguard", "Version": ">=1.2.0 <2.0.0",
                  "Command": "dotnet", "Arguments": [ {{arguments}} ],
                  "PassEnvironment": [ "AGENTGUARD_STDIO_ALLOWED" ],
                  "Environment": { "AGENTGUARD_TEST_VARIANT": "{{variant}}" },
                  "Tools": [ { "Names": [ "echo", "read_env", "write_file", "lookup" ] } ]{{pins}}
                }
              }
            }
          }
        }
        """;
    }
}
