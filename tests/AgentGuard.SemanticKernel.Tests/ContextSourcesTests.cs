using Microsoft.Extensions.DependencyInjection;
using System.Security.Claims;
using AgentGuard.SemanticKernel.Tests.Infrastructure;
using Microsoft.SemanticKernel;

namespace AgentGuard.SemanticKernel.Tests;

/// <summary>Session facts that come from the host rather than from SK: the ClaimsPrincipal, the ambient scope, audit mode.</summary>
public sealed class ContextSourcesTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task AutoInvocation_ClaimsPrincipalAndAmbientScope_FillTheContext()
    {
        const string json = """
            {"AgentGuard":{"Rules":[
              {"Id":"admins-delete","Effect":"Deny","Match":{"Tools":["delete_file"]},"When":{"User":{"NotGroups":["admins"]}}}
            ]}}
            """;
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "erin")], "test"));
        var policy = new RecordingPolicy();
        var files = new FilePlugin(_files.Root);
        var model = new ScriptedOpenAIHandler()
            .ThenToolCalls(("call_1", "files-delete_file", """{"path":"keep.txt"}"""))
            .ThenAnswer("done");
        var kernel = GuardedKernel.Create(model, json, b => b.AddClaimsPrincipal(_ => principal).AddPolicy(policy), ("files", files));

        using (AgentGuardScope.Begin(new GuardContext { SessionId = "host-session", Environment = "prod" }))
        {
            await kernel.InvokePromptAsync("Delete keep.txt", new KernelArguments(GuardedKernel.AutoSettings()));
        }

        files.Deletes.Should().Be(0);
        var context = policy.Evaluated.Should().ContainSingle().Subject.Context;
        context.User!.Id.Should().Be("erin");
        context.SessionId.Should().Be("host-session");
        context.Environment.Should().Be("prod");
    }

    [Fact]
    public async Task AutoInvocation_AuditMode_RecordsTheDenialButRunsTheFunction()
    {
        const string json = """
            {"AgentGuard":{"Mode":"Audit","Rules":[
              {"Id":"no-delete","Effect":"Deny","Match":{"Tools":["delete_file"]}}
            ]}}
            """;
        var policy = new RecordingPolicy();
        var files = new FilePlugin(_files.Root);
        var model = new ScriptedOpenAIHandler()
            .ThenToolCalls(("call_1", "files-delete_file", """{"path":"keep.txt"}"""))
            .ThenAnswer("done");
        var kernel = GuardedKernel.Create(model, json, b => b.AddPolicy(policy), ("files", files));

        await kernel.InvokePromptAsync("Delete keep.txt", new KernelArguments(GuardedKernel.AutoSettings()));

        policy.Evaluated.Should().ContainSingle();
        files.Deletes.Should().Be(1);
        _files.Exists("keep.txt").Should().BeFalse();
    }

    [Fact]
    public async Task InvokeAsync_ResultWithSecret_IsRedactedForTheCaller()
    {
        const string json = """{"AgentGuard":{"Detection":{"RedactSecretsInResults":true}}}""";
        File.WriteAllText(Path.Combine(_files.Root, "env.txt"), "KEY=sk-live-ABCDEFGHIJKLMNOPQRST");
        var files = new FilePlugin(_files.Root);
        var kernel = GuardedKernel.Create(new ScriptedOpenAIHandler(), json,
            b => b.Services.AddSingleton<ISecretDetector, FakeKeyDetector>(), ("files", files));

        var result = await kernel.InvokeAsync("files", "read_file", new KernelArguments { ["path"] = "env.txt" });

        files.Reads.Should().Be(1);
        result.GetValue<string>().Should().StartWith("KEY=").And.NotContain("sk-live-ABCDEFGHIJKLMNOPQRST");
    }
}
