using AgentGuard.Extensions.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using static AgentGuard.Extensions.AI.Tests.GuardHost;

namespace AgentGuard.Extensions.AI.Tests;

public sealed class ChatClientGuardServiceTests
{
    private const string GuardAllJson = """
        {
          "AgentGuard": {
            "ChatClients": { "GuardAll": true },
            "Rules": [ { "Id": "no-delete", "Effect": "Deny", "Match": { "Tools": [ "delete_file" ] } } ]
          }
        }
        """;

    private readonly Tools _tools = new();

    private static ScriptedChatClient DeleteThenRead() => new(
        ScriptedChatClient.CallTools(("c1", "delete_file", Args(("path", "/"))), ("c2", "read_file", Args(("path", "a")))),
        ScriptedChatClient.Say("done"));

    private static ServiceProvider Host(string json, Action<IServiceCollection> register, RecordingPolicy? recording = null)
    {
        var configuration = Configuration(json);
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        register(services);
        var guard = services.AddAgentGuard(configuration.GetSection("AgentGuard")).AddChatClientGuard();
        if (recording is not null)
        {
            guard.AddPolicy(recording);
        }

        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task AddChatClientGuard_GuardAllConfigured_RegisteredPipelineGuardedWithoutCodeChange()
    {
        var model = DeleteThenRead();
        await using var services = Host(GuardAllJson, s => s.AddChatClient(model).UseFunctionInvocation());

        var client = services.GetRequiredService<IChatClient>();
        await client.GetResponseAsync("go", new ChatOptions { Tools = [_tools.DeleteFile, _tools.ReadFile] });

        client.GetService<AgentGuardChatClient>().Should().NotBeNull();
        _tools.Deleted.Should().Be(0);
        _tools.Read.Should().Be(1);
    }

    [Fact]
    public async Task AddChatClientGuard_KeyedClient_Guarded()
    {
        var model = DeleteThenRead();
        await using var services = Host(GuardAllJson, s => s.AddKeyedChatClient("ops", model).UseFunctionInvocation());

        var client = services.GetRequiredKeyedService<IChatClient>("ops");
        await client.GetResponseAsync("go", new ChatOptions { Tools = [_tools.DeleteFile, _tools.ReadFile] });

        _tools.Deleted.Should().Be(0);
        _tools.Read.Should().Be(1);
    }

    [Fact]
    public async Task AddChatClientGuard_GuardAllOff_PipelineUntouched()
    {
        var model = DeleteThenRead();
        await using var services = Host("""{ "AgentGuard": { "Rules": [ { "Id": "no-delete", "Effect": "Deny", "Match": { "Tools": [ "delete_file" ] } } ] } }""",
            s => s.AddChatClient(model).UseFunctionInvocation());

        var client = services.GetRequiredService<IChatClient>();
        await client.GetResponseAsync("go", new ChatOptions { Tools = [_tools.DeleteFile, _tools.ReadFile] });

        client.GetService<AgentGuardChatClient>().Should().BeNull();
        _tools.Deleted.Should().Be(1);
    }

    [Fact]
    public async Task AddChatClientGuard_ExplicitUseAgentGuardToo_EachCallEvaluatedOnce()
    {
        var recording = new RecordingPolicy();
        var model = DeleteThenRead();
        await using var services = Host(GuardAllJson, s => s.AddChatClient(model).UseAgentGuard().UseFunctionInvocation(), recording);

        var client = services.GetRequiredService<IChatClient>();
        await client.GetResponseAsync("go", new ChatOptions { Tools = [_tools.DeleteFile, _tools.ReadFile] });

        recording.Seen.Select(s => s.Call.CallId).Should().Equal("c1", "c2");
        _tools.Deleted.Should().Be(0);
    }

    [Fact]
    public async Task AddChatClientGuard_ClientWithoutFunctionInvocation_FailsLoudly()
    {
        await using var services = Host(GuardAllJson, s => s.AddChatClient(new ScriptedChatClient()));

        var resolve = () => services.GetRequiredService<IChatClient>();

        resolve.Should().Throw<InvalidOperationException>().WithMessage("*UseFunctionInvocation()*");
    }

    [Fact]
    public async Task AddChatClientGuard_ClientRegisteredAfterwards_ReportedByValidation()
    {
        var configuration = Configuration(GuardAllJson);
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddAgentGuard(configuration.GetSection("AgentGuard")).AddChatClientGuard();
        services.AddChatClient(new ScriptedChatClient()).UseFunctionInvocation();
        await using var provider = services.BuildServiceProvider();

        var read = () => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ChatClientGuardOptions>>().Value;

        read.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().WithMessage("*after AddChatClient*");
    }
}
