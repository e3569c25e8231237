using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AgentGuard.Tests.Audit;

/// <summary>Every approval answer — approved, rejected, timed out, failed, nobody to ask — leaves a trace in every channel.</summary>
public sealed class ApprovalAuditTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agentguard-approval-audit-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Policy => $$"""
    {
      "AgentGuard": {
        "Approval": { "Timeout": "00:00:00.200" },
        "Audit": { "File": "{{Path.Combine(_directory, "audit.jsonl").Replace("\\", "/", StringComparison.Ordinal)}}" },
        "Tools": { "wire_funds": { "SensitiveArguments": ["$.pin"] } },
        "Rules": [ { "Id": "approve-wire", "Effect": "RequireApproval", "Match": { "Tools": ["wire_funds"] }, "Reason": "wires need a second person" } ]
      }
    }
    """;

    private static ToolCallEvent Wire => new("wire_funds", ToolKind.SdkCall) { CallId = "c-1", Arguments = ToolArguments.FromJson("""{ "to": "ACME", "amount": 900, "pin": "4321" }""") };

    [Fact]
    public async Task Rejection_IsLoggedCountedAndWritten_WithApproverReasonAndFingerprint()
    {
        var collector = new FakeLogCollector();
        var sink = new RecordingAuditSink();
        var services = TestHost.Create(Policy, b =>
        {
            b.AddApprovalHandler(new AnsweringApprover(new ApprovalResponse(false, "bob@example.com", "not on the vendor list")));
            b.AddAuditSink(sink);
            b.Services.AddLogging(l => l.AddProvider(new FakeLoggerProvider(collector)).SetMinimumLevel(LogLevel.Information));
        });
        var guard = services.GetRequiredService<ToolGuard>();
        using var approvals = new MetricCollector<long>(services.GetRequiredService<AgentGuardDiagnostics>().Approvals);

        var act = async () => await guard.RunAsync(Wire, _ => new ValueTask<string>("sent"));

        await act.Should().ThrowAsync<ToolCallDeniedException>();
        var fingerprint = CallFingerprint.Compute("wire_funds", Wire.Arguments);
        var record = sink.Records.Should().ContainSingle(r => r.Approval != null).Which;
        record.Approval.Should().Be(new ApprovalAuditEntry(ApprovalOutcome.Rejected, fingerprint, "bob@example.com", "not on the vendor list"));
        record.Decision.Should().Be(DecisionEffect.Deny);
        record.Rules.Should().Equal("approve-wire");
        record.Arguments.Should().Contain("ACME").And.NotContain("4321");
        approvals.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags[TelemetryTags.ApprovalOutcome].Should().Be("rejected");
        var log = collector.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 1009).Which;
        log.Message.Should().Be($"Approval of wire_funds rejected by bob@example.com in session (null) (call {fingerprint}): not on the vendor list");

        await services.GetServices<IAuditSink>().OfType<JsonLinesAuditSink>().Single().FlushAsync();
        var lines = (await File.ReadAllLinesAsync(Path.Combine(_directory, "audit.jsonl"))).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Select(l => l.GetProperty("event").GetString()).Should().Equal("decision", "approval");
        var approval = lines[1].GetProperty("approval");
        approval.GetProperty("outcome").GetString().Should().Be("rejected");
        approval.GetProperty("approver").GetString().Should().Be("bob@example.com");
        approval.GetProperty("fingerprint").GetString().Should().Be(fingerprint);
    }

    [Fact]
    public async Task Approval_IsRecordedAsApproved_AndTheCallRuns()
    {
        var sink = new RecordingAuditSink();
        var services = TestHost.Create(Policy, b => b.AddApprovalHandler(new AnsweringApprover(new ApprovalResponse(true, "carol"))).AddAuditSink(sink));

        var result = await services.GetRequiredService<ToolGuard>().RunAsync(Wire, _ => new ValueTask<string>("sent"));

        result.Should().Be("sent");
        var entry = sink.Records.Single(r => r.Approval != null);
        entry.Approval!.Outcome.Should().Be(ApprovalOutcome.Approved);
        entry.Approval.Approver.Should().Be("carol");
        entry.Decision.Should().Be(DecisionEffect.Allow);
    }

    [Fact]
    public async Task NobodyToAsk_IsRecordedAsNoApprover()
    {
        var sink = new RecordingAuditSink();
        var services = TestHost.Create(Policy, b => b.AddAuditSink(sink));

        var decision = await services.GetRequiredService<ToolGuard>().AuthorizeAsync(Wire, GuardContext.Empty);

        decision.Effect.Should().Be(DecisionEffect.Deny);
        sink.Records.Single(r => r.Approval != null).Approval!.Outcome.Should().Be(ApprovalOutcome.NoApprover);
    }

    [Fact]
    public async Task Silence_IsRecordedAsTimedOut()
    {
        var sink = new RecordingAuditSink();
        var services = TestHost.Create(Policy, b => b.AddApprovalHandler(new SilentApprover()).AddAuditSink(sink));

        var decision = await services.GetRequiredService<ToolGuard>().AuthorizeAsync(Wire, GuardContext.Empty);

        decision.Effect.Should().Be(DecisionEffect.Deny);
        sink.Records.Single(r => r.Approval != null).Approval!.Outcome.Should().Be(ApprovalOutcome.TimedOut);
    }

    [Fact]
    public async Task ThrowingApprover_IsRecordedAsFailed()
    {
        var sink = new RecordingAuditSink();
        var services = TestHost.Create(Policy, b => b.AddApprovalHandler(new ThrowingApprover()).AddAuditSink(sink));

        var decision = await services.GetRequiredService<ToolGuard>().AuthorizeAsync(Wire, GuardContext.Empty);

        decision.Effect.Should().Be(DecisionEffect.Deny);
        var entry = sink.Records.Single(r => r.Approval != null).Approval!;
        entry.Outcome.Should().Be(ApprovalOutcome.Failed);
        entry.Reason.Should().Be("the approver failed: InvalidOperationException");
    }

    [Fact]
    public async Task RunAsync_AcceptsTaskReturningSdkMethods()
    {
        var services = TestHost.Create("""{ "AgentGuard": { } }""");
        var guard = services.GetRequiredService<ToolGuard>();
        var client = new FakeSdkClient();

        var issue = await guard.RunAsync("github.create_issue", [new("title", "bug")], ct => client.CreateIssueAsync("bug", ct));
        var viaEvent = await guard.RunAsync(new ToolCallEvent("github.get_issue", ToolKind.SdkCall), ct => client.CreateIssueAsync("again", ct));
        var viaAsyncLambda = await guard.RunAsync("github.list", null, async ct => { await Task.Yield(); return 3; });

        issue.Should().Be("issue:bug");
        viaEvent.Should().Be("issue:again");
        viaAsyncLambda.Should().Be(3);
    }

    private sealed class FakeSdkClient
    {
        public Task<string> CreateIssueAsync(string title, CancellationToken cancellationToken) => Task.FromResult("issue:" + title);
    }

    private sealed class AnsweringApprover(ApprovalResponse response) : IApprovalHandler
    {
        public ValueTask<ApprovalResponse> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken) => new(response);
    }

    private sealed class SilentApprover : IApprovalHandler
    {
        public async ValueTask<ApprovalResponse> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new ApprovalResponse(true);
        }
    }

    private sealed class ThrowingApprover : IApprovalHandler
    {
        public ValueTask<ApprovalResponse> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken) => throw new InvalidOperationException("ticket system down");
    }
}
