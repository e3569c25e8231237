using Xunit.Abstractions;

namespace AgentGuard.Tests.Detection;

/// <summary>Precision and recall of the built-in injection detector, at the default threshold 0.5, on the labelled datasets.</summary>
public sealed class InjectionDetectorDatasetTests(ITestOutputHelper output)
{
    private const double Threshold = 0.5;
    private readonly InjectionDetector _detector = new();

    [Fact]
    public void Dataset_InjectedAndBenignTexts_RecallAtLeast90AtPrecisionAtLeast95()
    {
        var positives = DetectionDataset.Read("injection-positive.jsonl");
        var benign = DetectionDataset.Read("injection-benign.jsonl");
        positives.Should().HaveCountGreaterThanOrEqualTo(80);
        benign.Should().HaveCountGreaterThanOrEqualTo(120);

        var missed = new List<string>();
        foreach (var sample in positives)
        {
            var assessment = _detector.Assess(sample.Text());
            if (assessment.Score < Threshold)
            {
                missed.Add($"{assessment.Score:0.00} [{string.Join(",", assessment.Markers)}] {sample.Text().ReplaceLineEndings(" ")}");
            }
        }

        var falsePositives = new List<string>();
        foreach (var sample in benign)
        {
            var assessment = _detector.Assess(sample.Text());
            if (assessment.Score >= Threshold)
            {
                falsePositives.Add($"{assessment.Score:0.00} [{string.Join(",", assessment.Markers)}] {sample.Text().ReplaceLineEndings(" ")}");
            }
        }

        var truePositives = positives.Count - missed.Count;
        var recall = (double)truePositives / positives.Count;
        var precision = truePositives / (double)(truePositives + falsePositives.Count);
        output.WriteLine($"injection: positives={positives.Count} benign={benign.Count} TP={truePositives} FN={missed.Count} FP={falsePositives.Count} recall={recall:P1} precision={precision:P1}");
        missed.ForEach(m => output.WriteLine("MISSED " + m));
        falsePositives.ForEach(f => output.WriteLine("FALSE+ " + f));

        recall.Should().BeGreaterThanOrEqualTo(0.90);
        precision.Should().BeGreaterThanOrEqualTo(0.95);
    }
}
