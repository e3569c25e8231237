using Xunit.Abstractions;

namespace AgentGuard.Tests.Detection;

/// <summary>Precision and recall of the built-in secret detector on the labelled datasets (synthetic secrets).</summary>
public sealed class SecretDetectorDatasetTests(ITestOutputHelper output)
{
    private readonly SecretDetector _detector = new();

    [Fact]
    public void Dataset_PositivesAndHardNegatives_RecallAtLeast95AtPrecisionAtLeast98()
    {
        var secrets = new SyntheticSecrets(seed: 20261124);
        var positives = DetectionDataset.Read("secrets-positive.jsonl");
        var negatives = DetectionDataset.Read("secrets-negative.jsonl");
        positives.Should().HaveCountGreaterThanOrEqualTo(150);
        negatives.Should().HaveCountGreaterThanOrEqualTo(150);

        var truePositives = 0;
        var missed = new List<string>();
        foreach (var sample in positives)
        {
            var (text, values) = secrets.Fill(sample.Text());
            var findings = new List<SecretFinding>();
            _detector.Find(text, findings);
            var (start, length) = values[0];

            // Detected means located: a finding covers the whole synthetic value.
            if (findings.Any(f => f.Start <= start && f.Start + f.Length >= start + length))
            {
                truePositives++;
            }
            else
            {
                missed.Add($"{sample.GetProperty("kind").GetString()}: {text} -> [{string.Join(", ", findings.Select(f => $"{f.Kind}@{f.Start}+{f.Length}"))}]");
            }
        }

        var falsePositives = new List<string>();
        foreach (var sample in negatives)
        {
            var (text, _) = secrets.Fill(sample.Text());
            var findings = new List<SecretFinding>();
            _detector.Find(text, findings);
            if (findings.Count > 0)
            {
                falsePositives.Add($"{text} -> {string.Join(", ", findings.Select(f => $"{f.Kind}:'{text.Substring(f.Start, f.Length)}'"))}");
            }
        }

        var recall = (double)truePositives / positives.Count;
        var precision = truePositives / (double)(truePositives + falsePositives.Count);
        output.WriteLine($"secrets: positives={positives.Count} negatives={negatives.Count} TP={truePositives} FN={missed.Count} FP={falsePositives.Count} recall={recall:P1} precision={precision:P1}");
        missed.ForEach(m => output.WriteLine("MISSED " + m));
        falsePositives.ForEach(f => output.WriteLine("FALSE+ " + f));

        recall.Should().BeGreaterThanOrEqualTo(0.95);
        precision.Should().BeGreaterThanOrEqualTo(0.98);
    }
}
