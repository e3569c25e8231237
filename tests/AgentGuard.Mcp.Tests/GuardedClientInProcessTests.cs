using System.Text.Json;
using System.Text.Json.Nodes;
using AgentGuard.Mcp;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentGuard.Mcp.Tests;

/// <summary>The guarded client against the SDK's own server, in process over pipes.</summary>
public sealed class GuardedClientInProcessTests
{
    private const string Config = """
    {
      "AgentGuard": {
        "Rules": [
          { "Id": "no-destructive-mcp", "Effect": "Deny", "Reason": "destructive MCP tools are not allowed", "Match": { "Kinds": ["McpTool"], "Tags": ["destructive"] } },
          { "Id": "no-write-after-untrusted", "Effect": "Deny", "Match": { "Tools": ["echo"] }, "When": { "SessionLabels": ["untrusted"] } }
        ],
        "Registry": {
          "Servers": {
            "inproc": {
              "Name": "in-process", "Publisher": "agentguard-tests", "Version": "^1.0.0",
              "Tools": [
                { "Names": ["echo", "delete_file", "fetch_*"] },
                { "Names": ["admin_*"], "Teams": ["ops"], "Environments": ["prod"] }
              ]
            },
            "web": { "Name": "web", "Untrusted": true, "Tools": [ { "Names": ["*"] } ], "Poisoning": "Off" }
          }
        }
      }
    }
    """;

    [Fact]
    public async Task ListToolsAsync_ToolsNotGranted_AreAbsent()
    {
        await using var server = new InProcessServer();
        await using var services = McpTestHost.Create(Config);
        await using var client = await services.Factory().CreateAsync("inproc", server.Transport);

        var names = (await client.ListToolsAsync()).Select(t => t.Name).ToList();

        names.Should().BeEquivalentTo(["echo", "delete_file", "fetch_page"]);
    }

    [Fact]
    public async Task ListToolsAsync_TeamAndEnvironmentGranted_SeesTheirTools()
    {
        await using var server = new InProcessServer();
        await using var services = McpTestHost.Create(Config);
        await using var client = await services.Factory().CreateAsync("inproc", server.Transport, new GuardedMcpClientOptions { Team = "ops", Environment = "prod" });

        var names = (await client.ListToolsAsync()).Select(t => t.Name).ToList();

        names.Should().BeEquivalentTo(["echo", "delete_file", "fetch_page", "admin_reset"]);
    }

    [Fact]
    public async Task ListToolsAsync_TeamFromAmbientScope_IsUsed()
    {
        await using var server = new InProcessServer();
        await using var services = McpTestHost.Create(Config);
        await using var client = await services.Factory().CreateAsync("inproc", server.Transport);

        IList<McpClientTool> tools;
        using (AgentGuardScope.Begin(new GuardContext { Team = "ops", Environment = "prod" }))
        {
            tools = await client.ListToolsAsync();
        }

        tools.Select(t => t.Name).Should().Contain("admin_reset");
        (await client.ListToolsAsync()).Select(t => t.Name).Should().NotContain("admin_reset");
    }

    [Fact]
    public async Task CallToolAsync_NotGrantedToTeam_IsDeniedAndNeverReachesServer()
    {
        await using var server = new InProcessServer();
        await using var services = McpTestHost.Create(Config);
        await using var client = await services.Factory().CreateAsync("inproc", server.Transport, new GuardedMcpClientOptions { Team = "payments", Environment = "prod" });

        var result = await client.CallToolAsync("admin_reset");

        result.IsError.Should().BeTrue();
        Text(result).Should().Be("admin_reset was not run: this tool is not available.");
        server.Calls("admin_reset").Should().Be(0);
    }

    [Fact]
    public async Task CallToolAsync_ToolInNoGrant_IsDeniedAndNeverReachesServer()
    {
        await using var server = new InProcessServer();
        await using var services = McpTestHost.Create(Config);
        await using var client = await services.Factory().CreateAsync("inproc", server.Transport);

        var result = await client.CallToolAsync("unlisted_tool");

        result.IsError.Should().BeTrue();
        server.Calls("unlisted_tool").Should().Be(0);
    }

    [Fact]
    public async Task CallToolAsync_Allowed_ReturnsTheServersResult()
    {
        await using var server = new InProcessServer();
        await using var services = McpTestHost.Create(Config);
        await using var client = await services.Factory().CreateAsync("inproc", server.Transport);

        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "hello" });

        result.IsError.Should().NotBe(true);
        Text(result).Should().Be("echo: hello");
        server.Calls("echo").Should().Be(1);
    }

    [Fact]
    public async Task CallToolAsync_DestructiveAnnotation_IsDeniedByRuleWithModelMessage()
    {
        await using var server = new InProcessServer();
        await using var services = McpTestHost.Create(Config);
        await using var client = await services.Factory().CreateAsync("inproc", server.Transport);

        var result = await client.CallToolAsync("delete_file", new Dictionary<string, object?> { ["path"] = "/tmp/x" });

        result.IsError.Should().BeTrue();
        Text(result).Should().Contain("delete_file was not run");
        result.Meta!["agentguard/denied"]!.GetValue<bool>().Should().BeTrue();
        server.Calls("delete_file").Should().Be(0);
    }

    [Fact]
    public async Task CallToolAsync_Annotations_BecomeTagsAndRisk()
    {
        await using var server = new InProcessServer();
        var audit = new RecordingPolicy();
        await using var services = McpTestHost.Create(Config, b => b.AddPolicy(audit));
        await using var client = await services.Factory().CreateAsync("inproc", server.Transport);

        await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "x" });
        await client.CallToolAsync("delete_file", new Dictionary<string, object?> { ["path"] = "/tmp/x" });
        await client.CallToolAsync("fetch_page", new Dictionary<string, object?> { ["url"] = "https://example.com" });

        var echo = audit.Calls.Single(c => c.ToolName == "echo");
        echo.Kind.Should().Be(ToolKind.McpTool);
        echo.Source.Should().Be("inproc");
        echo.Tags.Should().Contain(["read-only", "idempotent"]).And.NotContain(["destructive", "open-world"]);
        echo.Arguments.ToString().Should().Be("""{"message":"x"}""");
        var delete = audit.Calls.Single(c => c.ToolName == "delete_file");
        delete.Tags.Should().Contain("destructive");
        delete.Risk.Should().Be(RiskLevel.High);
        audit.Calls.Single(c => c.ToolName == "fetch_page").Tags.Should().Contain("open-world");
    }

    [Fact]
    public async Task SendRequestAsync_RawToolsCall_IsDeniedToo()
    {
        await using var server = new InProcessServer();
        await using var services = McpTestHost.Create(Config);
        await using var client = await services.Factory().CreateAsync("inproc", server.Transport);

        var response = await client.SendRequestAsync(new JsonRpcRequest
        {
            Method = RequestMethods.ToolsCall,
            Params = JsonNode.Parse("""{ "name": "delete_file", "arguments": { "path": "/tmp/raw" } }"""),
        });

        var result = JsonSerializer.Deserialize<CallToolResult>(response.Result, McpJsonUtilities.DefaultOptions)!;
        result.IsError.Should().BeTrue();
        server.Calls("delete_file").Should().Be(0);
    }

    [Fact]
    public async Task Transport_RawJsonRpcToolsCall_IsAnsweredLocallyAndNeverSent()
    {
        await using var server = new InProcessServer();
        await using var services = McpTestHost.Create(Config);
        var transport = services.Factory().Guard("inproc", server.Transport);
        await using var connection = await transport.ConnectAsync();
        await connection.SendMessageAsync(new JsonRpcRequest
        {
            Id = new RequestId(1),
            Method = RequestMethods.Initialize,
            Params = JsonNode.Parse("""{ "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": { "name": "raw", "version": "1.0" } }"""),
        });
        (await connection.MessageReader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10))).Should().BeOfType<JsonRpcResponse>();
        await connection.SendMessageAsync(new JsonRpcNotification { Method = NotificationMethods.InitializedNotification });

        await connection.SendMessageAsync(new JsonRpcRequest
        {
            Id = new RequestId(42),
            Method = RequestMethods.ToolsCall,
            Params = JsonNode.Parse("""{ "name": "delete_file", "arguments": { "path": "/tmp/raw" } }"""),
        });
        var reply = await connection.MessageReader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        var response = reply.Should().BeOfType<JsonRpcResponse>().Subject;
        response.Id.Should().Be(new RequestId(42));
        response.Result!["isError"]!.GetValue<bool>().Should().BeTrue();
        response.Result!["content"]![0]!["text"]!.GetValue<string>().Should().Contain("delete_file was not run");
        server.Calls("delete_file").Should().Be(0);
    }

    [Fact]
    public async Task McpClientTool_InvokedByFunctionInvokingChatClient_IsDenied()
    {
        await using var server = new InProcessServer();
        await using var services = McpTestHost.Create(Config);
        await using var client = await services.Factory().CreateAsync("inproc", server.Transport);
        var tools = await client.ListToolsAsync();
        var model = new ScriptedChatClient("delete_file", """{ "path": "/srv/data" }""");
        using var chat = new ChatClientBuilder(model).UseFunctionInvocation().Build();

        var response = await chat.GetResponseAsync("clean up", new ChatOptions { Tools = [.. tools] });

        server.Calls("delete_file").Should().Be(0);
        model.ToolResults.Should().ContainSingle().Which.Should().Contain("delete_file was not run");
        response.Text.Should().Be("done");
    }

    [Fact]
    public async Task McpClientTool_AllowedThroughFunctionInvokingChatClient_Runs()
    {
        await using var server = new InProcessServer();
        await using var services = McpTestHost.Create(Config);
        await using var client = await services.Factory().CreateAsync("inproc", server.Transport);
        var tools = await client.ListToolsAsync();
        var model = new ScriptedChatClient("echo", """{ "message": "hi" }""");
        using var chat = new ChatClientBuilder(model).UseFunctionInvocation().Build();

        await chat.GetResponseAsync("say hi", new ChatOptions { Tools = [.. tools] });

        server.Calls("echo").Should().Be(1);
        model.ToolResults.Should().ContainSingle().Which.Should().Contain("echo: hi");
    }

    [Fact]
    public async Task CallToolAsync_UntrustedServer_LabelsSessionSoLaterRuleDenies()
    {
        await using var web = new InProcessServer();
        await using var local = new InProcessServer();
        await using var services = McpTestHost.Create(Config);
        var options = new GuardedMcpClientOptions { Context = new GuardContext { SessionId = "s-untrusted" } };
        await using var webClient = await services.Factory().CreateAsync("web", web.Transport, options);
        await using var localClient = await services.Factory().CreateAsync("inproc", local.Transport, options);

        (await localClient.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "before" })).IsError.Should().NotBe(true);
        await webClient.CallToolAsync("fetch_page", new Dictionary<string, object?> { ["url"] = "https://evil.example" });
        var after = await localClient.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "after" });

        after.IsError.Should().BeTrue();
        local.Calls("echo").Should().Be(1);
    }

    [Fact]
    public async Task CallToolAsync_ResultWithSecret_IsRedactedForTheModel()
    {
        await using var server = new InProcessServer(secretResult: "config: token=SECRET-12345 end");
        var json = Config.Replace("\"Rules\": [", "\"Detection\": { \"RedactSecretsInResults\": true }, \"Rules\": [", StringComparison.Ordinal);
        await using var services = McpTestHost.Create(json, b => b.Services.AddSingleton<ISecretDetector>(new FixedSecretDetector("SECRET-12345")));
        await using var client = await services.Factory().CreateAsync("inproc", server.Transport);

        var result = await client.CallToolAsync("fetch_page", new Dictionary<string, object?> { ["url"] = "https://intranet" });

        server.Calls("fetch_page").Should().Be(1);
        Text(result).Should().NotContain("SECRET-12345").And.StartWith("config: token=");
    }

    [Fact]
    public async Task CreateAsync_ServerNotInRegistry_IsRefusedWithClearError()
    {
        await using var server = new InProcessServer();
        await using var services = McpTestHost.Create(Config);

        var act = () => services.Factory().CreateAsync("shadow-server", server.Transport);

        (await act.Should().ThrowAsync<McpServerNotApprovedException>())
            .Which.Message.Should().Contain("'shadow-server' is not in the AgentGuard registry").And.Contain("inproc, web");
        server.TotalCalls.Should().Be(0);
    }

    [Fact]
    public async Task CreateAsync_VersionOutsideApprovedRange_IsRefused()
    {
        await using var server = new InProcessServer(version: "2.0.0");
        await using var services = McpTestHost.Create(Config);

        var act = () => services.Factory().CreateAsync("inproc", server.Transport);

        (await act.Should().ThrowAsync<McpServerNotApprovedException>())
            .Which.Message.Should().Contain("reported version '2.0.0'").And.Contain("'^1.0.0'");
    }

    [Fact]
    public async Task ListToolsAsync_DefinitionChangedAfterCachedVerdict_IsStillCaught()
    {
        string pin;
        await using (var first = new InProcessServer())
        await using (var services = McpTestHost.Create(Config))
        await using (var client = await services.Factory().CreateAsync("inproc", first.Transport))
        {
            pin = McpToolPins.Compute((await client.ListToolsAsync()).Single(t => t.Name == "echo").ProtocolTool);
        }

        var pinned = Config.Replace("\"Version\": \"^1.0.0\",", $"\"Version\": \"^1.0.0\", \"Pins\": {{ \"echo\": \"{pin}\" }},", StringComparison.Ordinal);
        await using var registry = McpTestHost.Create(pinned);
        await using var original = new InProcessServer();
        await using var changed = new InProcessServer(echoDescription: "Echoes the message back, and keeps a copy.");
        await using var originalClient = await registry.Factory().CreateAsync("inproc", original.Transport);
        await using var changedClient = await registry.Factory().CreateAsync("inproc", changed.Transport);

        (await originalClient.ListToolsAsync()).Select(t => t.Name).Should().Contain("echo");
        (await originalClient.ListToolsAsync()).Select(t => t.Name).Should().Contain("echo", "the cached verdict is reused");
        (await changedClient.ListToolsAsync()).Select(t => t.Name).Should().NotContain("echo");
        (await changedClient.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "x" })).IsError.Should().BeTrue();
        changed.Calls("echo").Should().Be(0);
        registry.Logs().GetSnapshot().Should().ContainSingle(r => r.Id.Id == 3405);
    }

    [Fact]
    public async Task CallToolAsync_ManyConcurrentAllowedAndDenied_EachGetsItsOwnAnswer()
    {
        await using var server = new InProcessServer();
        await using var services = McpTestHost.Create(Config);
        await using var client = await services.Factory().CreateAsync("inproc", server.Transport);

        var calls = Enumerable.Range(0, 200).Select(async i => i % 3 == 0
            ? (i, await client.CallToolAsync("delete_file", new Dictionary<string, object?> { ["path"] = "/tmp/" + i }))
            : (i, await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "m" + i })));
        var results = await Task.WhenAll(calls);

        foreach (var (i, result) in results)
        {
            if (i % 3 == 0)
            {
                result.IsError.Should().BeTrue();
            }
            else
            {
                Text(result).Should().Be("echo: m" + i);
            }
        }

        server.Calls("delete_file").Should().Be(0);
        server.Calls("echo").Should().Be(133);
    }

    internal static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text));
}
