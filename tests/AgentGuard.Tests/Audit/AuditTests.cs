using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AgentGuard.Tests.Audit;

/// <summary>One audit event per decision — log, metric, span, sink — with no secret in any of them.</summary>
public sealed class AuditTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agentguard-audit-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Policy => $$"""
    {
      "AgentGuard": {
        "Audit": { "File": "{{Path.Combine(_directory, "audit.jsonl").Replace("\\", "/", StringComparison.Ordinal)}}" },
        "Tools": { "send_money": { "Tags": ["payment"], "SensitiveArguments": ["$.account.pin"] } },
        "Rules": [ { "Id": "no-pay", "Effect": "Deny", "Match": { "Tools": ["send_money"] }, "Reason": "payments are disabled" } ]
      }
    }
    """;

    [Fact]
    public async Task Decision_WrittenToJsonLinesFile_WithSecretsRedacted()
    {
        var services = TestHost.Create(Policy, b => b.Services.AddSingleton<ISecretDetector, FakeKeyDetector>());
        var engine = services.GetRequiredService<IGuardEngine>();
        var context = new GuardContext { SessionId = "s-42", User = new GuardUser("alice") };
        var call = new ToolCallEvent("send_money")
        {
            CallId = "call-7",
            Arguments = ToolArguments.FromJson("""{ "recipient": "US13 1212", "amount": 50, "password": "hunter2", "account": { "pin": "1234" }, "note": "use key FAKEKEY-123456 please" }"""),
        };

        await engine.EvaluateAsync(call, context);
        await engine.EvaluateAsync(TestHost.Call("read_file"), context);
        await services.GetServices<IAuditSink>().OfType<JsonLinesAuditSink>().Single().FlushAsync();

        var lines = await File.ReadAllLinesAsync(Path.Combine(_directory, "audit.jsonl"));
        lines.Should().HaveCount(2);
        var denied = JsonDocument.Parse(lines[0]).RootElement;
        denied.GetProperty("session").GetString().Should().Be("s-42");
        denied.GetProperty("user").GetString().Should().Be("alice");
        denied.GetProperty("tool").GetString().Should().Be("send_money");
        denied.GetProperty("decision").GetString().Should().Be("Deny");
        denied.GetProperty("rules")[0].GetString().Should().Be("no-pay");
        denied.GetProperty("reason").GetString().Should().Be("payments are disabled");
        var args = denied.GetProperty("args");
        args.GetProperty("recipient").GetString().Should().Be("US13 1212");
        args.GetProperty("amount").GetInt32().Should().Be(50);
        args.GetProperty("password").GetString().Should().Be("[REDACTED]");
        args.GetProperty("account").GetProperty("pin").GetString().Should().Be("[REDACTED]");
        args.GetProperty("note").GetString().Should().Be("use key [REDACTED:fake-key] please");
        lines[0].Should().NotContain("hunter2").And.NotContain("1234\"").And.NotContain("FAKEKEY-123456");
        JsonDocument.Parse(lines[1]).RootElement.GetProperty("decision").GetString().Should().Be("Allow");
    }

    [Fact]
    public async Task Decision_LoggedWithStableEventId_AndNoArgumentValues()
    {
        var collector = new FakeLogCollector();
        var services = TestHost.Create(Policy, b => b.Services.AddLogging(l => l.AddProvider(new FakeLoggerProvider(collector)).SetMinimumLevel(LogLevel.Debug)));
        var engine = services.GetRequiredService<IGuardEngine>();

        await engine.EvaluateAsync(new ToolCallEvent("send_money") { Arguments = ToolArguments.FromJson("""{ "password": "hunter2" }""") }, new GuardContext { SessionId = "s-1" });

        var denied = collector.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 1001).Which;
        denied.Level.Should().Be(LogLevel.Warning);
        denied.Message.Should().Be("Denied send_money (Function) by [no-pay] in session s-1 for user (null): payments are disabled");
        collector.GetSnapshot().Should().NotContain(r => r.Message.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decision_CountedInMetrics_AndTracedAsSpan()
    {
        var services = TestHost.Create(Policy);
        var engine = services.GetRequiredService<IGuardEngine>();
        var diagnostics = services.GetRequiredService<AgentGuardDiagnostics>();
        using var decisions = new MetricCollector<long>(diagnostics.Decisions);
        using var durations = new MetricCollector<double>(diagnostics.EvaluationDuration);
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == AgentGuardDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);

        await engine.EvaluateAsync(TestHost.Call("send_money"), GuardContext.Empty);
        await engine.EvaluateAsync(TestHost.Call("read_file"), GuardContext.Empty);

        var measurements = decisions.GetMeasurementSnapshot();
        measurements.Should().HaveCount(2);
        measurements[0].Tags[TelemetryTags.Decision].Should().Be("deny");
        measurements[0].Tags[TelemetryTags.RuleId].Should().Be("no-pay");
        measurements[0].Tags[TelemetryTags.ToolName].Should().Be("send_money");
        measurements[1].Tags[TelemetryTags.Decision].Should().Be("allow");
        durations.GetMeasurementSnapshot().Should().HaveCount(2).And.OnlyContain(m => m.Value > 0);
        spans.Should().HaveCount(2);
        spans[0].GetTagItem(TelemetryTags.Decision).Should().Be("deny");
    }

    private sealed class FakeKeyDetector : ISecretDetector
    {
        public void Find(string text, ICollection<SecretFinding> findings)
        {
            var at = text.IndexOf("FAKEKEY-", StringComparison.Ordinal);
            if (at >= 0)
            {
                findings.Add(new SecretFinding("fake-key", at, "FAKEKEY-123456".Length));
            }
        }
    }
}
