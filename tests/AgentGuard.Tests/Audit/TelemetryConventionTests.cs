using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace AgentGuard.Tests.Audit;

/// <summary>Spans and metrics follow the OpenTelemetry GenAI conventions and say what was enforced.</summary>
public sealed class TelemetryConventionTests
{
    private const string Policy = """
    {
      "AgentGuard": {
        "Rules": [ { "Id": "no-otel-pay", "Effect": "Deny", "Match": { "Tools": ["otel_pay*"] } } ]
      }
    }
    """;

    private static readonly GuardContext Session = new()
    {
        SessionId = "conv-7",
        Agent = new GuardAgent("billing-agent", "Billing assistant"),
        User = new GuardUser("alice"),
    };

    [Fact]
    public async Task Evaluate_DeniedCall_SpanCarriesGenAiTags_AndErrorType()
    {
        using var capture = new SpanCapture("otel_pay_denied");
        var engine = TestHost.Engine(Policy);

        await engine.EvaluateAsync(new ToolCallEvent("otel_pay_denied") { CallId = "call-42" }, Session);

        var span = capture.Evaluation("otel_pay_denied");
        span.GetTagItem(TelemetryTags.ToolCallId).Should().Be("call-42");
        span.GetTagItem(TelemetryTags.ConversationId).Should().Be("conv-7");
        span.GetTagItem(TelemetryTags.AgentId).Should().Be("billing-agent");
        span.GetTagItem(TelemetryTags.AgentName).Should().Be("Billing assistant");
        span.GetTagItem(TelemetryTags.Decision).Should().Be("deny");
        span.GetTagItem(TelemetryTags.Mode).Should().Be("enforce");
        span.GetTagItem(TelemetryTags.ErrorType).Should().Be(TelemetryTags.DeniedErrorType);
        span.Tags.Should().NotContain(t => t.Value != null && t.Value.Contains("alice", StringComparison.Ordinal), "the user id is not a span tag");
    }

    [Fact]
    public async Task Evaluate_AllowedCall_HasNoErrorType()
    {
        using var capture = new SpanCapture("otel_read_allowed");
        var engine = TestHost.Engine(Policy);

        await engine.EvaluateAsync(new ToolCallEvent("otel_read_allowed"), Session);

        var span = capture.Evaluation("otel_read_allowed");
        span.GetTagItem(TelemetryTags.Decision).Should().Be("allow");
        span.GetTagItem(TelemetryTags.ErrorType).Should().BeNull();
        span.Status.Should().Be(ActivityStatusCode.Unset);
    }

    [Fact]
    public async Task Evaluate_AuditMode_SpanSaysAllowAndAudit_PolicyDecisionSaysDeny()
    {
        using var capture = new SpanCapture("otel_pay_shadow");
        var services = TestHost.Create("""{ "AgentGuard": { "Mode": "Audit", "Rules": [ { "Id": "no-otel-pay", "Effect": "Deny", "Match": { "Tools": ["otel_pay*"] } } ] } }""");
        var diagnostics = services.GetRequiredService<AgentGuardDiagnostics>();
        using var decisions = new MetricCollector<long>(diagnostics.Decisions);

        await services.GetRequiredService<IGuardEngine>().EvaluateAsync(new ToolCallEvent("otel_pay_shadow"), Session);

        var span = capture.Evaluation("otel_pay_shadow");
        span.GetTagItem(TelemetryTags.Decision).Should().Be("allow", "the call ran");
        span.GetTagItem(TelemetryTags.PolicyDecision).Should().Be("deny");
        span.GetTagItem(TelemetryTags.Mode).Should().Be("audit");
        span.GetTagItem(TelemetryTags.Shadow).Should().Be(true);
        span.GetTagItem(TelemetryTags.ErrorType).Should().BeNull("nothing was denied");
        var measurement = decisions.GetMeasurementSnapshot().Single(m => (string?)m.Tags[TelemetryTags.ToolName] == "otel_pay_shadow");
        measurement.Tags[TelemetryTags.Decision].Should().Be("allow");
        measurement.Tags[TelemetryTags.PolicyDecision].Should().Be("deny");
        measurement.Tags[TelemetryTags.Shadow].Should().Be("true");
    }

    [Fact]
    public async Task Evaluate_InsideFrameworkExecuteToolSpan_TagsThatSpanWithTheDenial()
    {
        using var capture = new SpanCapture("otel_pay_framework");
        using var framework = new ActivitySource(SpanCapture.FrameworkSourceName);
        var engine = TestHost.Engine(Policy);

        using (var executeTool = framework.StartActivity("execute_tool otel_pay_framework", ActivityKind.Internal, default(ActivityContext), [new(TelemetryTags.OperationName, "execute_tool"), new(TelemetryTags.ToolName, "otel_pay_framework")]))
        {
            executeTool.Should().NotBeNull();
            await engine.EvaluateAsync(new ToolCallEvent("otel_pay_framework"), Session);
        }

        var toolSpan = capture.Spans.Single(s => s.Source.Name == SpanCapture.FrameworkSourceName);
        toolSpan.GetTagItem(TelemetryTags.Decision).Should().Be("deny");
        toolSpan.GetTagItem(TelemetryTags.RuleId).Should().Be("no-otel-pay");
        toolSpan.GetTagItem(TelemetryTags.ErrorType).Should().Be(TelemetryTags.DeniedErrorType);
        toolSpan.Status.Should().Be(ActivityStatusCode.Error, "a denied call must not look like a tool that succeeded");
        capture.Evaluation("otel_pay_framework").ParentSpanId.Should().Be(toolSpan.SpanId);
    }

    [Fact]
    public async Task Evaluate_InsideUnrelatedSpan_LeavesItAlone()
    {
        using var capture = new SpanCapture("otel_pay_unrelated");
        using var framework = new ActivitySource(SpanCapture.FrameworkSourceName);
        var engine = TestHost.Engine(Policy);

        using (framework.StartActivity("chat gpt-4o", ActivityKind.Client, default(ActivityContext), [new(TelemetryTags.OperationName, "chat"), new(TelemetryTags.ToolName, "otel_pay_unrelated")]))
        {
            await engine.EvaluateAsync(new ToolCallEvent("otel_pay_unrelated"), Session);
        }

        var chatSpan = capture.Spans.Single(s => s.Source.Name == SpanCapture.FrameworkSourceName);
        chatSpan.GetTagItem(TelemetryTags.Decision).Should().BeNull();
        chatSpan.Status.Should().Be(ActivityStatusCode.Unset);
    }

    [Fact]
    public void EvaluationDuration_AdvisesMicrosecondToMillisecondBuckets()
    {
        var services = TestHost.Create(Policy);
        var diagnostics = services.GetRequiredService<AgentGuardDiagnostics>();
        IReadOnlyList<double>? advised = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument, diagnostics.EvaluationDuration) && instrument is Histogram<double> histogram)
                {
                    advised = histogram.Advice?.HistogramBucketBoundaries;
                }
            },
        };
        listener.Start();

        advised.Should().NotBeNull();
        advised![0].Should().BeLessThanOrEqualTo(0.000_001, "a cached allow takes about a microsecond");
        advised.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        advised.Should().Contain(0.001).And.Contain(0.01);
        advised[^1].Should().BeGreaterThanOrEqualTo(0.25, "a slow code policy is still in a bucket of its own");
        advised.Count(b => b < 0.005).Should().BeGreaterThan(8, "the default buckets start at 5 ms, where no decision lands");
    }

    [Fact]
    public async Task AuditRecord_CarriesTraceAndSpanIds()
    {
        using var capture = new SpanCapture("otel_pay_traced");
        var sink = new RecordingAuditSink();
        var engine = TestHost.Engine(Policy, b => b.AddAuditSink(sink));

        await engine.EvaluateAsync(new ToolCallEvent("otel_pay_traced"), Session);

        var span = capture.Evaluation("otel_pay_traced");
        var record = sink.Records.Single(r => r.ToolName == "otel_pay_traced");
        record.TraceId.Should().Be(span.TraceId.ToHexString());
        record.SpanId.Should().Be(span.SpanId.ToHexString());
    }
}
