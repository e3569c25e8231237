using AgentGuard.Mcp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentGuard.Mcp.Tests;

/// <summary>The MCP registry: binding, validation with clear errors, files, server.json import and reload.</summary>
public sealed class RegistryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agentguard-mcp-registry-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task McpRegistry_Configuration_BindsEveryField()
    {
        await using var services = McpTestHost.Create("""
        { "AgentGuard": { "Registry": { "Servers": { "github": {
            "Name": "io.github.github/github-mcp-server", "Publisher": "github", "Version": "~1.4.0",
            "Command": "github-mcp-server", "Arguments": ["stdio", "--read-only"], "WorkingDirectory": "/srv",
            "Environment": { "GITHUB_HOST": "github.example.com", "GITHUB_TOKEN": "${AGENT_GITHUB_TOKEN}" },
            "PassEnvironment": ["AGENT_GITHUB_TOKEN"], "IncludeDefaultEnvironment": false,
            "Tools": [ { "Names": ["get_*", "list_*"] }, { "Names": ["create_issue"], "Teams": ["platform"], "Environments": ["prod", "staging"] } ],
            "Untrusted": true, "Tags": ["source-code"], "Pins": { "get_issue": "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
            "Poisoning": "Flag"
        } } } } }
        """);

        var server = services.GetRequiredService<McpRegistry>().GetServer("GitHub");

        server.Id.Should().Be("github");
        server.Name.Should().Be("io.github.github/github-mcp-server");
        server.Publisher.Should().Be("github");
        server.Version.Should().Be("~1.4.0");
        server.Command.Should().Be("github-mcp-server");
        server.Arguments.Should().Equal("stdio", "--read-only");
        server.WorkingDirectory.Should().Be("/srv");
        server.Environment.Should().Contain("GITHUB_HOST", "github.example.com");
        server.PassEnvironment.Should().Equal("AGENT_GITHUB_TOKEN");
        server.IncludeDefaultEnvironment.Should().BeFalse();
        server.Tags.Should().Equal("source-code", "untrusted-source");
        server.Pins["get_issue"].Should().Be("sha256:" + new string('a', 64));
        server.Poisoning.Should().Be(McpPoisoningAction.Flag);
        server.IsToolGranted("GET_issue", team: null, environment: null).Should().BeTrue();
        server.IsToolGranted("create_issue", "platform", "prod").Should().BeTrue();
        server.IsToolGranted("create_issue", "platform", "dev").Should().BeFalse();
        server.IsToolGranted("create_issue", null, "prod").Should().BeFalse();
        server.IsToolGranted("delete_repo", "platform", "prod").Should().BeFalse();
        server.AcceptsVersion("1.4.9").Should().BeTrue();
        server.AcceptsVersion("1.5.0").Should().BeFalse();
    }

    [Theory]
    [InlineData("""{ "Tools": [ { "Teams": ["a"] } ] }""", "AgentGuard:Registry:Servers:bad:Tools:0:Names: must list at least one tool-name glob")]
    [InlineData("""{ "Version": "^one", "Tools": [] }""", "AgentGuard:Registry:Servers:bad:Version: '^one' is not a version or range")]
    [InlineData("""{ "Pins": { "read": "md5:abc" } }""", "AgentGuard:Registry:Servers:bad:Pins:read: 'md5:abc' is not a SHA-256 pin")]
    [InlineData("""{ "Command": "x", "Url": "https://mcp.example.com" }""", "AgentGuard:Registry:Servers:bad: set either Command (stdio) or Url (remote), not both")]
    [InlineData("""{ "Url": "ftp://mcp.example.com" }""", "AgentGuard:Registry:Servers:bad:Url: 'ftp://mcp.example.com' is not an absolute http(s) URL")]
    [InlineData("""{ "Poisoning": "Maybe" }""", "AgentGuard:Registry:Servers:bad:Poisoning: 'Maybe' is not one of Hide, Flag, Off")]
    [InlineData("""{ "Environment": { "TOKEN": "${HOST_TOKEN}" } }""", "AgentGuard:Registry:Servers:bad:Environment:TOKEN: reads host variable 'HOST_TOKEN', which must also be listed in PassEnvironment")]
    [InlineData("""{ "RequirePins": true }""", "AgentGuard:Registry:Servers:bad:RequirePins: is true but no Pins are listed")]
    [InlineData("""{ "Pins": { "echo": "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "ｅcho": "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" } }""", "names the same tool as another pin")]
    public async Task McpRegistry_InvalidEntry_FailsWithEntryAndField(string entry, string expected)
    {
        await using var services = McpTestHost.Create($$"""{ "AgentGuard": { "Registry": { "Servers": { "bad": {{entry}} } } } }""");

        var act = () => services.GetRequiredService<McpRegistry>();

        act.Should().Throw<AgentGuardPolicyException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public async Task McpRegistry_UnknownConfigurationKey_FailsNamingTheKey()
    {
        await using var services = McpTestHost.Create("""{ "AgentGuard": { "Registry": { "Servers": { "fs": { "Tool": [ { "Names": ["*"] } ] } } } } }""");

        var act = () => services.GetRequiredService<McpRegistry>();

        act.Should().Throw<AgentGuardPolicyException>().Which.Message.Should().Contain("Tool").And.Contain("AgentGuard:Registry");
    }

    [Fact]
    public async Task StartupValidation_InvalidRegistry_FailsStart()
    {
        await using var services = McpTestHost.Create("""{ "AgentGuard": { "Registry": { "Servers": { "fs": { "Version": ">=x" } } } } }""");

        // What a host runs at start for ValidateOnStart.
        var act = () => services.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("AgentGuard:Registry:Servers:fs:Version");
    }

    [Fact]
    public async Task McpRegistry_File_LoadsServers()
    {
        var file = Write("servers.json", """
        // comments are allowed
        { "Servers": { "files": { "Command": "mcp-files", "Tools": [ { "Names": ["read_*"] } ], } } }
        """);
        await using var services = McpTestHost.Create($$"""{ "AgentGuard": { "Registry": { "Files": [ {{McpTestHost.Json(file)}} ] } } }""");

        var server = services.GetRequiredService<McpRegistry>().GetServer("files");

        server.Command.Should().Be("mcp-files");
        server.IsToolGranted("read_file", null, null).Should().BeTrue();
    }

    [Theory]
    [InlineData("missing", "cannot be read")]
    [InlineData("""{ "Servers": { "x": { "Command": "a" """, "(line ")]
    [InlineData("""{ "Servers": { "x": { "Commandd": "a" } } }""", "$.Servers.x.Commandd")]
    public async Task McpRegistry_BadFile_FailsNamingTheFile(string content, string expected)
    {
        var file = content == "missing" ? Path.Combine(_directory, "missing.json") : Write("bad.json", content);
        await using var services = McpTestHost.Create($$"""{ "AgentGuard": { "Registry": { "Files": [ {{McpTestHost.Json(file)}} ] } } }""");

        var act = () => services.GetRequiredService<McpRegistry>();

        act.Should().Throw<AgentGuardPolicyException>().Which.Message.Should().Contain(file).And.Contain(expected);
    }

    [Fact]
    public async Task McpRegistry_SameIdInConfigurationAndFile_Fails()
    {
        var file = Write("dup.json", """{ "Servers": { "fs": { "Command": "b" } } }""");
        await using var services = McpTestHost.Create($$"""{ "AgentGuard": { "Registry": { "Servers": { "fs": { "Command": "a" } }, "Files": [ {{McpTestHost.Json(file)}} ] } } }""");

        var act = () => services.GetRequiredService<McpRegistry>();

        act.Should().Throw<AgentGuardPolicyException>().Which.Message.Should().Contain("server id 'fs' is defined more than once");
    }

    [Fact]
    public async Task ServerJson_NpmPackage_IsImported()
    {
        var serverJson = Write("filesystem.server.json", """
        {
          "$schema": "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",
          "name": "io.github.modelcontextprotocol/filesystem",
          "description": "Filesystem operations",
          "version": "2026.8.31",
          "packages": [
            {
              "registryType": "npm", "identifier": "@modelcontextprotocol/server-filesystem", "version": "2026.8.31",
              "transport": { "type": "stdio" },
              "packageArguments": [ { "type": "positional", "valueHint": "root", "default": "/data" }, { "type": "named", "name": "--log", "value": "warn" } ],
              "environmentVariables": [
                { "name": "FS_TOKEN", "isSecret": true, "isRequired": true },
                { "name": "LOG_LEVEL", "default": "info" },
                { "name": "FS_MODE", "value": "strict" }
              ]
            }
          ]
        }
        """);
        await using var services = McpTestHost.Create($$"""
        { "AgentGuard": { "Registry": { "Servers": { "fs": { "ServerJson": {{McpTestHost.Json(serverJson)}}, "Publisher": "modelcontextprotocol", "Tools": [ { "Names": ["read_*"] } ] } } } } }
        """);

        var server = services.GetRequiredService<McpRegistry>().GetServer("fs");

        server.Name.Should().Be("io.github.modelcontextprotocol/filesystem");
        server.Version.Should().Be("2026.8.31");
        server.Command.Should().Be("npx");
        server.Arguments.Should().Equal("-y", "@modelcontextprotocol/server-filesystem@2026.8.31", "/data", "--log", "warn");
        server.PassEnvironment.Should().Equal("FS_TOKEN", "LOG_LEVEL");
        server.EnvironmentDefaults.Should().Contain("LOG_LEVEL", "info");
        server.Environment.Should().Contain("FS_MODE", "strict");
        server.Url.Should().BeNull();
    }

    [Fact]
    public async Task ServerJson_Remote_IsImportedWithVariables()
    {
        var serverJson = Write("remote.server.json", """
        { "name": "io.github.user/remote-weather", "version": "2.1.0",
          "remotes": [ { "type": "streamable-http", "url": "https://{host}/mcp", "variables": { "host": { "default": "api.example.com" } } } ] }
        """);
        await using var services = McpTestHost.Create($$"""{ "AgentGuard": { "Registry": { "Servers": { "weather": { "ServerJson": {{McpTestHost.Json(serverJson)}} } } } } }""");

        var server = services.GetRequiredService<McpRegistry>().GetServer("weather");

        server.Url.Should().Be(new Uri("https://api.example.com/mcp"));
        server.Command.Should().BeNull();
    }

    [Theory]
    [InlineData("""{ "version": "1.0.0", "packages": [] }""", "'name' is required")]
    [InlineData("""{ "name": "x/y", "packages": [ { "registryType": "mcpb", "identifier": "https://x/y.mcpb", "version": "1" } ] }""", "packages[0].registryType 'mcpb' cannot be started")]
    [InlineData("""{ "name": "x/y", "packages": [ { "registryType": "npm", "identifier": "y", "version": "1", "packageArguments": [ { "type": "positional", "valueHint": "dir", "isRequired": true } ] } ] }""", "packages[0].packageArguments[0] (dir) has no value or default")]
    [InlineData("""{ "name": "x/y" }""", "lists no packages[] and no remotes[]")]
    public async Task ServerJson_Invalid_FailsNamingTheFileAndField(string content, string expected)
    {
        var serverJson = Write("bad.server.json", content);
        await using var services = McpTestHost.Create($$"""{ "AgentGuard": { "Registry": { "Servers": { "imp": { "ServerJson": {{McpTestHost.Json(serverJson)}} } } } } }""");

        var act = () => services.GetRequiredService<McpRegistry>();

        act.Should().Throw<AgentGuardPolicyException>().Which.Message
            .Should().Contain("AgentGuard:Registry:Servers:imp:ServerJson").And.Contain(serverJson).And.Contain(expected);
    }

    [Fact]
    public async Task ServerJson_ImportedEverythingServer_ConnectsWithLocalCommandOverride()
    {
        var serverJson = Write("everything.server.json", """
        { "name": "io.github.modelcontextprotocol/everything", "version": "2.0.0",
          "packages": [ { "registryType": "npm", "identifier": "@modelcontextprotocol/server-everything", "version": "2026.8.31",
                          "transport": { "type": "stdio" }, "packageArguments": [ { "type": "positional", "value": "stdio" } ] } ] }
        """);
        await using var services = McpTestHost.Create($$"""
        { "AgentGuard": { "Registry": { "Servers": { "everything": {
            "ServerJson": {{McpTestHost.Json(serverJson)}},
            "Command": {{McpTestHost.Json(TestServers.NodeBin("mcp-server-everything"))}}, "Arguments": ["stdio"],
            "Tools": [ { "Names": ["echo"] } ] } } } } }
        """);
        await using var client = await services.Factory().CreateAsync("everything");

        var names = (await client.ListToolsAsync()).Select(t => t.Name);

        names.Should().Equal("echo");
        client.ServerInfo!.Version.Should().Be("2.0.0", "the imported server.json version is the approved version");
    }

    [Fact]
    public async Task Reload_InvalidConfiguration_KeepsLastGoodRegistry()
    {
        var path = Write("appsettings.json", """{ "AgentGuard": { "Registry": { "Servers": { "one": { "Command": "a" } } } } }""");
        var configuration = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
        await using var services = McpTestHost.Create(configuration);
        var registry = services.GetRequiredService<McpRegistry>();

        File.WriteAllText(path, """{ "AgentGuard": { "Registry": { "Servers": { "one": { "Command": "a", "Url": "https://x" } } } } }""");
        configuration.Reload();

        registry.FailedReloadCount.Should().BePositive();
        registry.GetServer("one").Command.Should().Be("a");
        services.Logs().GetSnapshot().Should().Contain(r => r.Id.Id == 3421 && r.Message.Contains("not both", StringComparison.Ordinal));

        File.WriteAllText(path, """{ "AgentGuard": { "Registry": { "Servers": { "one": { "Command": "a" }, "two": { "Command": "b" } } } } }""");
        configuration.Reload();

        registry.TryGetServer("two", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Reload_RegistryFileChangedToInvalid_KeepsLastGood()
    {
        var file = Write("servers.json", """{ "Servers": { "files": { "Command": "mcp-files" } } }""");
        await using var services = McpTestHost.Create($$"""{ "AgentGuard": { "Registry": { "Files": [ {{McpTestHost.Json(file)}} ] } } }""");
        var registry = services.GetRequiredService<McpRegistry>();

        File.WriteAllText(file, "{ not json");
        var reloaded = registry.Reload();

        reloaded.Should().BeFalse();
        registry.GetServer("files").Command.Should().Be("mcp-files");
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
