using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AgentGuard.Shell.Tests;

/// <summary>
/// Recall and false positives of the default policy pack on labelled shell lines from independent sources
/// (<c>Corpus/shell-lines.jsonl</c>), decided through the same path as <see cref="IGuardedShell.RunAsync"/>.
/// The held-out part (FNV-1a of the line mod 100 below 35) was split off before tuning.
/// </summary>
public sealed class ShellCorpusTests(ITestOutputHelper output)
{
    /// <summary>The issue's target, met on the tuning part.</summary>
    private const double RecallTarget = 0.95;

    private const double FalsePositiveLimit = 0.05;

    /// <summary>
    /// What the held-out part reached when the analyser was last changed (95.2 % of 540 over fourteen sources, at 2.4 %
    /// of benign lines flagged, 2026-11-29, see docs/detection.md; the held-out misses are not read). A floor against
    /// regressions, not a target.
    /// </summary>
    private const double HeldOutRecallFloor = 0.91;

    [Fact]
    public async Task DefaultPack_HeldOutLines_StayAboveTheMeasuredFloorAndFalsePositiveLimit()
    {
        var results = await DecideAsync(heldOut: true);
        var summary = Summarize(results);
        output.WriteLine(summary.Report);

        summary.Recall.Should().BeGreaterThanOrEqualTo(HeldOutRecallFloor, summary.Report);
        summary.FalsePositiveRate.Should().BeLessThanOrEqualTo(FalsePositiveLimit, summary.Report);
    }

    [Fact]
    public async Task DefaultPack_TuningLines_MeetRecallAndFalsePositiveTargets()
    {
        var results = await DecideAsync(heldOut: false);
        var summary = Summarize(results);
        var misses = new StringBuilder(summary.Report);
        foreach (var (sample, flagged, reason) in results.Where(r => r.Flagged != (r.Sample.Label == "dangerous")))
        {
            misses.AppendLine(CultureInfoLine($"{(flagged ? "FP" : "FN")}\t{sample.Source}\t{sample.Category}\t{sample.Line.Replace("\n", "⏎", StringComparison.Ordinal)}\t{reason}"));
        }

        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "corpus-tuning-misses.txt"), misses.ToString());
        summary.Recall.Should().BeGreaterThanOrEqualTo(RecallTarget, summary.Report);
        summary.FalsePositiveRate.Should().BeLessThanOrEqualTo(FalsePositiveLimit, summary.Report);
    }

    [Fact]
    public void Split_IsDeterministicAndAboutAThird()
    {
        var samples = Load();
        var heldOut = samples.Count(s => IsHeldOut(s.Line));

        samples.Should().HaveCountGreaterThan(1000);
        ((double)heldOut / samples.Count).Should().BeInRange(0.30, 0.40);
        IsHeldOut("rm -rf /").Should().Be(IsHeldOut("rm -rf /"));
        samples.Select(s => s.Source.Split(':')[0]).Distinct().Should().HaveCountGreaterThanOrEqualTo(6);
    }

    private static string CultureInfoLine(FormattableString text) => FormattableString.Invariant(text);

    private static async Task<List<(Sample Sample, bool Flagged, string Reason)>> DecideAsync(bool heldOut)
    {
        await using var provider = ShellTestHost.Create("""{ "AgentGuard": { } }""", b => b.AddDefaultPolicyPack());
        var shell = provider.GetRequiredService<IGuardedShell>();
        var results = new List<(Sample, bool, string)>();
        foreach (var sample in Load().Where(s => IsHeldOut(s.Line) == heldOut))
        {
            var check = await shell.CheckAsync(sample.Line);
            var reason = string.Join("; ", check.Analysis.Commands.SelectMany(c => c.Findings).Distinct().Take(3));
            results.Add((sample, !check.Decision.IsAllowed, reason));
        }

        return results;
    }

    private static (double Recall, double FalsePositiveRate, string Report) Summarize(List<(Sample Sample, bool Flagged, string Reason)> results)
    {
        var report = new StringBuilder();
        foreach (var group in results.GroupBy(r => r.Sample.Source.Split(':')[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var dangerous = group.Where(r => r.Sample.Label == "dangerous").ToList();
            var benign = group.Where(r => r.Sample.Label == "benign").ToList();
            report.AppendLine(CultureInfoLine($"{group.Key}: recall {dangerous.Count(r => r.Flagged)}/{dangerous.Count}, false positives {benign.Count(r => r.Flagged)}/{benign.Count}"));
        }

        var allDangerous = results.Where(r => r.Sample.Label == "dangerous").ToList();
        var allBenign = results.Where(r => r.Sample.Label == "benign").ToList();
        var recall = (double)allDangerous.Count(r => r.Flagged) / allDangerous.Count;
        var falsePositives = (double)allBenign.Count(r => r.Flagged) / allBenign.Count;
        report.AppendLine(CultureInfoLine($"all: recall {recall:P1} of {allDangerous.Count}, false positives {falsePositives:P1} of {allBenign.Count}"));
        return (recall, falsePositives, report.ToString());
    }

    /// <summary>FNV-1a (32 bit) of the UTF-8 line, mod 100, below 35: about a third of the lines, stable across runs and platforms.</summary>
    private static bool IsHeldOut(string line)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(line))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash % 100 < 35;
    }

    private static List<Sample> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Corpus", "shell-lines.jsonl");
        return [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<Sample>(l, JsonOptions)!)];
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record Sample(string Line, string Label, string Category, string Source);
}
