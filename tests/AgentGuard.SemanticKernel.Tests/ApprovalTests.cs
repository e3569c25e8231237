using AgentGuard.SemanticKernel.Tests.Infrastructure;
using Microsoft.SemanticKernel;

namespace AgentGuard.SemanticKernel.Tests;

/// <summary>RequireApproval: SK has no approval content, so the in-process approver decides, bound to the exact arguments.</summary>
public sealed class ApprovalTests : IDisposable
{
    private const string Json = """
        {"AgentGuard":{
          "Approval":{"Timeout":"00:00:00.300"},
          "Rules":[{"Id":"approve-deletes","Effect":"RequireApproval","Match":{"Tools":["delete_file"]}}]}}
        """;

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Approval_Approved_FunctionRunsWithTheApprovedArguments()
    {
        var approver = ScriptedApprover.Approving();
        var (files, model, _) = await RunDeleteAsync(approver);

        files.Deletes.Should().Be(1);
        _files.Exists("keep.txt").Should().BeFalse();
        model.ToolResultSent("call_1").Should().Be("deleted keep.txt");
        var request = approver.Requests.Should().ContainSingle().Subject;
        request.ToolCall.ToolName.Should().Be("delete_file");
        request.ToolCall.Arguments.Root.GetProperty("path").GetString().Should().Be("keep.txt");
        request.Fingerprint.Should().Be(CallFingerprint.Compute("delete_file", ToolArguments.FromJson("""{"path":"keep.txt"}""")));
        request.Context.SessionId.Should().Be("s-approve");
    }

    [Fact]
    public async Task Approval_Rejected_FunctionDoesNotRunAndLoopGoesOn()
    {
        var (files, model, result) = await RunDeleteAsync(ScriptedApprover.Rejecting());

        files.Deletes.Should().Be(0);
        _files.Exists("keep.txt").Should().BeTrue();
        model.Requests.Should().Be(2);
        model.ToolResultSent("call_1").Should().Be("delete_file was not run: it requires approval, which was not given.");
        result.ToString().Should().Be("done");
    }

    [Fact]
    public async Task Approval_TimedOut_FunctionDoesNotRun()
    {
        var approver = ScriptedApprover.Silent();
        var (files, model, _) = await RunDeleteAsync(approver);

        approver.Requests.Should().ContainSingle();
        files.Deletes.Should().Be(0);
        _files.Exists("keep.txt").Should().BeTrue();
        model.ToolResultSent("call_1").Should().Be("delete_file was not run: it requires approval, which was not given.");
    }

    [Fact]
    public async Task Approval_NoApprover_FunctionDoesNotRun()
    {
        var (files, _, _) = await RunDeleteAsync(approver: null);

        files.Deletes.Should().Be(0);
        _files.Exists("keep.txt").Should().BeTrue();
    }

    [Fact]
    public async Task Approval_DirectInvocation_AsksTheApproverToo()
    {
        var approver = ScriptedApprover.Rejecting();
        var files = new FilePlugin(_files.Root);
        var kernel = GuardedKernel.Create(new ScriptedOpenAIHandler(), Json, b => b.AddApprovalHandler(approver), ("files", files));

        var result = await kernel.InvokeAsync("files", "delete_file", new KernelArguments { ["path"] = "keep.txt" });

        approver.Requests.Should().ContainSingle().Which.ToolCall.Kind.Should().Be(ToolKind.Connector);
        files.Deletes.Should().Be(0);
        result.GetAgentGuardDecision()!.Effect.Should().Be(DecisionEffect.Deny);
    }

    private async Task<(FilePlugin Files, ScriptedOpenAIHandler Model, FunctionResult Result)> RunDeleteAsync(ScriptedApprover? approver)
    {
        var model = new ScriptedOpenAIHandler()
            .ThenToolCalls(("call_1", "files-delete_file", """{"path":"keep.txt"}"""))
            .ThenAnswer("done");
        var files = new FilePlugin(_files.Root);
        var kernel = GuardedKernel.Create(model, Json, b =>
        {
            if (approver is not null)
            {
                b.AddApprovalHandler(approver);
            }
        }, ("files", files));

        var result = await kernel.InvokePromptAsync("Delete keep.txt", new KernelArguments(GuardedKernel.AutoSettings(sessionId: "s-approve")));
        return (files, model, result);
    }
}
