using System.Diagnostics.Metrics;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AgentGuard.Docs.Tests;

/// <summary>The dashboard sample queries only metrics and labels AgentGuard emits (as the Prometheus exporter names them).</summary>
public sealed partial class DashboardTests
{
    [Fact]
    public void GrafanaDashboard_QueriesOnlyWhatAgentGuardEmits()
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "samples", "dashboards", "agentguard-grafana.json")))!;
        var queries = dashboard["panels"]!.AsArray().SelectMany(p => p!["targets"]!.AsArray()).Select(t => (string)t!["expr"]!)
            .Append((string)dashboard["templating"]!["list"]![1]!["query"]!)
            .ToList();
        var (metrics, labels) = Emitted();

        queries.Should().NotBeEmpty();
        foreach (var query in queries)
        {
            foreach (Match metric in Metric().Matches(query))
            {
                metrics.Should().Contain(metric.Value, "the query {0} names it", query);
            }

            foreach (var label in Label().Matches(query).SelectMany(m => m.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Concat(Selector().Matches(query).Select(m => m.Groups["name"].Value)))
            {
                if (label != "le")
                {
                    labels.Should().Contain(label, "the query {0} groups or filters by it", query);
                }
            }
        }
    }

    /// <summary>The instruments of the AgentGuard meter and the tag names, in Prometheus spelling.</summary>
    private static (HashSet<string> Metrics, HashSet<string> Labels) Emitted()
    {
        using var diagnostics = new AgentGuardDiagnostics(meterFactory: null);
        var metrics = new HashSet<string>(StringComparer.Ordinal);
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name != AgentGuardDiagnostics.Name)
                {
                    return;
                }

                var name = instrument.Name.Replace('.', '_');
                if (instrument is Histogram<double>)
                {
                    name += instrument.Unit == "s" ? "_seconds" : string.Empty;
                    metrics.Add(name + "_bucket");
                    metrics.Add(name + "_sum");
                    metrics.Add(name + "_count");
                }
                else
                {
                    metrics.Add(name + "_total");
                }
            };
            listener.Start();
        }

        var labels = typeof(TelemetryTags).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(TelemetryTags.ExecuteToolOperation) && !f.Name.EndsWith("ErrorType", StringComparison.Ordinal) || f.Name == nameof(TelemetryTags.ErrorType))
            .Select(f => ((string)f.GetRawConstantValue()!).Replace('.', '_'))
            .ToHashSet(StringComparer.Ordinal);
        return (metrics, labels);
    }

    [GeneratedRegex(@"agentguard_[a-z_]+_(total|bucket|sum|count)\b")]
    private static partial Regex Metric();

    [GeneratedRegex(@"by \((?<names>[a-z_, ]+)\)")]
    private static partial Regex Label();

    [GeneratedRegex(@"[{,]\s*(?<name>[a-z_]+)\s*=~?")]
    private static partial Regex Selector();
}
