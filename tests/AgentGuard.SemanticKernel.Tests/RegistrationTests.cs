using AgentGuard.SemanticKernel.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace AgentGuard.SemanticKernel.Tests;

/// <summary>Turning the guard on: DI alone for kernels from DI; one call for kernels built by hand.</summary>
public sealed class RegistrationTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>The application's agent code: it knows nothing about AgentGuard.</summary>
    private static Task<FunctionResult> AgentCodeAsync(IServiceProvider services)
        => services.GetRequiredService<Kernel>().InvokePromptAsync("Delete keep.txt",
            new KernelArguments(new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }));

    private static ScriptedOpenAIHandler DeletingModel() => new ScriptedOpenAIHandler()
        .ThenToolCalls(("call_1", "files-delete_file", """{"path":"keep.txt"}"""))
        .ThenAnswer("done");

    [Fact]
    public async Task AddSemanticKernel_SameAgentCode_OnlyTheRegistrationTurnsTheGuardOn()
    {
        var unguardedFiles = new FilePlugin(_files.Root);
        await using (var unguarded = GuardedKernel.Services(DeletingModel(), json: null, null, ("files", unguardedFiles)))
        {
            await AgentCodeAsync(unguarded);
        }

        unguardedFiles.Deletes.Should().Be(1);
        _files.Exists("keep.txt").Should().BeFalse("without AgentGuard the call runs");

        File.WriteAllText(Path.Combine(_files.Root, "keep.txt"), "again");
        var guardedFiles = new FilePlugin(_files.Root);
        await using (var guarded = GuardedKernel.Services(DeletingModel(), GuardedKernel.DenyDeletes, null, ("files", guardedFiles)))
        {
            await AgentCodeAsync(guarded);
        }

        guardedFiles.Deletes.Should().Be(0);
        _files.Exists("keep.txt").Should().BeTrue();
    }

    [Fact]
    public void AddSemanticKernel_CalledTwice_RegistersEachFilterOnce()
    {
        var services = new ServiceCollection();
        services.AddKernel();
        services.AddAgentGuard().AddSemanticKernel().AddSemanticKernel();

        var kernel = services.BuildServiceProvider().GetRequiredService<Kernel>();

        kernel.AutoFunctionInvocationFilters.Should().ContainSingle();
        kernel.FunctionInvocationFilters.Should().ContainSingle();
    }

    [Fact]
    public async Task KernelBuilder_AddAgentGuardFromConfiguration_GuardsAHandBuiltKernel()
    {
        var model = DeletingModel();
        var files = new FilePlugin(_files.Root);
        var policy = new RecordingPolicy();
        var builder = Kernel.CreateBuilder();
        builder.AddOpenAIChatCompletion("gpt-4o", "sk-fake", httpClient: new HttpClient(model));
        builder.Plugins.AddFromObject(files, "files");
        builder.AddAgentGuard(GuardedKernel.Configuration(GuardedKernel.DenyDeletes).GetSection("AgentGuard"), g => g.AddPolicy(policy));
        var kernel = builder.Build();

        await kernel.InvokePromptAsync("Delete keep.txt", new KernelArguments(GuardedKernel.AutoSettings()));

        files.Deletes.Should().Be(0);
        _files.Exists("keep.txt").Should().BeTrue();
        policy.Evaluated.Should().ContainSingle();
    }

    [Fact]
    public async Task KernelBuilder_AddAgentGuardInCode_GuardsAHandBuiltKernel()
    {
        var files = new FilePlugin(_files.Root);
        var builder = Kernel.CreateBuilder();
        builder.Plugins.AddFromObject(files, "files");
        builder.AddAgentGuard(o => o.Rules.Add(new RuleOptions { Id = "no-delete", Effect = "Deny", Match = new MatchOptions { Tools = ["delete_file"] } }));
        var kernel = builder.Build();

        var result = await kernel.InvokeAsync("files", "delete_file", new KernelArguments { ["path"] = "keep.txt" });

        files.Deletes.Should().Be(0);
        result.GetAgentGuardDecision()!.RuleIds.Should().Equal("no-delete");
    }

    [Fact]
    public async Task Kernel_UseAgentGuard_SharesTheApplicationEngineAndIsIdempotent()
    {
        var policy = new RecordingPolicy();
        var app = new ServiceCollection();
        app.AddAgentGuard(GuardedKernel.Configuration(GuardedKernel.DenyDeletes).GetSection("AgentGuard")).AddPolicy(policy);
        await using var appServices = app.BuildServiceProvider();
        var model = DeletingModel();
        var files = new FilePlugin(_files.Root);
        var builder = Kernel.CreateBuilder();
        builder.AddOpenAIChatCompletion("gpt-4o", "sk-fake", httpClient: new HttpClient(model));
        builder.Plugins.AddFromObject(files, "files");
        var kernel = builder.Build().UseAgentGuard(appServices).UseAgentGuard(appServices);

        await kernel.InvokePromptAsync("Delete keep.txt", new KernelArguments(GuardedKernel.AutoSettings()));

        kernel.AutoFunctionInvocationFilters.Should().ContainSingle();
        kernel.FunctionInvocationFilters.OfType<AgentGuardFunctionFilter>().Should().ContainSingle();
        kernel.FunctionInvocationFilters.OfType<ReplyGuardingFunctionFilter>().Should().ContainSingle("the kernel's chat service is its own, so its answers are guarded by a filter");
        kernel.FunctionInvocationFilters.Should().HaveCount(2);
        files.Deletes.Should().Be(0);
        _files.Exists("keep.txt").Should().BeTrue();
        policy.Evaluated.Should().ContainSingle().Which.Call.ToolName.Should().Be("delete_file");
    }

    [Fact]
    public void Kernel_UseAgentGuard_WithoutAgentGuardRegistered_ThrowsAClearError()
    {
        var services = new ServiceCollection().BuildServiceProvider();

        var act = () => new Kernel().UseAgentGuard(services);

        act.Should().Throw<InvalidOperationException>().WithMessage("*services.AddAgentGuard(...)*");
    }
}
