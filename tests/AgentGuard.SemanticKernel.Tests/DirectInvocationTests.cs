using AgentGuard.SemanticKernel.Tests.Infrastructure;
using Microsoft.SemanticKernel;

namespace AgentGuard.SemanticKernel.Tests;

/// <summary>Plugin functions invoked from code with <c>kernel.InvokeAsync</c>, outside the auto-invocation loop.</summary>
public sealed class DirectInvocationTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task InvokeAsync_DeniedPluginFunction_DoesNotRunAndResultCarriesDecision()
    {
        var files = new FilePlugin(_files.Root);
        var kernel = GuardedKernel.Create(new ScriptedOpenAIHandler(), GuardedKernel.DenyDeletes, null, ("files", files));

        var result = await kernel.InvokeAsync("files", "delete_file", new KernelArguments { ["path"] = "keep.txt" });

        files.Deletes.Should().Be(0);
        _files.Exists("keep.txt").Should().BeTrue();
        result.GetValue<string>().Should().Be("delete_file was not run: this action is not permitted by policy.");
        var decision = result.GetAgentGuardDecision();
        decision!.Effect.Should().Be(DecisionEffect.Deny);
        decision.RuleIds.Should().Equal("no-delete");
    }

    [Fact]
    public async Task InvokeAsync_AllowedPluginFunction_RunsAsConnectorCallWithHostSetSession()
    {
        var policy = new RecordingPolicy();
        var probe = new ProbePlugin();
        var kernel = GuardedKernel.Create(new ScriptedOpenAIHandler(), GuardedKernel.DenyDeletes, b => b.AddPolicy(policy), ("probe", probe), ("files", new FilePlugin(_files.Root)));

        var result = await kernel.InvokeAsync("files", "read_file",
            new KernelArguments(GuardedKernel.AutoSettings(sessionId: "s-direct", userId: "dave")) { ["path"] = "notes.txt" });
        await kernel.InvokeAsync("probe", "whoami", new KernelArguments(GuardedKernel.AutoSettings(sessionId: "s-direct")));

        result.GetValue<string>().Should().Be("meeting at noon");
        result.GetAgentGuardDecision().Should().BeNull();
        var (call, context) = policy.Evaluated.First();
        call.Kind.Should().Be(ToolKind.Connector);
        call.Source.Should().Be("files");
        call.Arguments.ToString().Should().Be("""{"path":"notes.txt"}""", "session keys travel in the settings, not among the arguments");
        context.SessionId.Should().Be("s-direct");
        context.User!.Id.Should().Be("dave");
        probe.Seen.Should().ContainSingle().Which.Should().Be(("s-direct", null, "whoami"));
    }

    [Fact]
    public async Task InvokeAsync_FunctionOutsideAnyPlugin_IsNotDecidedLikeThePromptFunction()
    {
        var policy = new RecordingPolicy();
        var ran = 0;
        var kernel = GuardedKernel.Create(new ScriptedOpenAIHandler(), GuardedKernel.DenyDeletes, b => b.AddPolicy(policy));
        var function = KernelFunctionFactory.CreateFromMethod(() => ++ran, "delete_file");

        await kernel.InvokeAsync(function);

        ran.Should().Be(1);
        policy.Evaluated.Should().BeEmpty();
    }
}
