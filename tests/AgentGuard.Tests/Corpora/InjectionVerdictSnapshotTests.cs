using System.Globalization;

namespace AgentGuard.Tests.Corpora;

/// <summary>
/// Speed work on the injection detector must not change what it decides: its score and markers on every text of the
/// three corpora (injection, poisoning and secret samples, tuning and held-out alike) equal the recorded ones in
/// <c>Corpora/verdicts/injection.txt</c>. The file holds line numbers, scores and marker names only, no text. When the
/// detector is changed on purpose, the test writes the new verdicts next to the test assembly
/// (<c>injection.actual.txt</c>) to be reviewed and copied over the recorded file.
/// </summary>
public sealed class InjectionVerdictSnapshotTests
{
    [Fact]
    public void Assess_EveryCorpusText_GivesTheRecordedScoreAndMarkers()
    {
        var detector = new InjectionDetector();
        var actual = new List<string>();
        foreach (var file in (string[])["injection.jsonl", "poisoning.jsonl", "secrets.jsonl"])
        {
            var samples = Corpus.Read(file);
            for (var i = 0; i < samples.Count; i++)
            {
                var assessment = detector.Assess(samples[i].Text);
                actual.Add(string.Create(CultureInfo.InvariantCulture, $"{file}:{i + 1}\t{assessment.Score:R}\t{string.Join(",", assessment.Markers)}"));
            }
        }

        var directory = Path.Combine(AppContext.BaseDirectory, "Corpora", "verdicts");
        Directory.CreateDirectory(directory);
        File.WriteAllLines(Path.Combine(directory, "injection.actual.txt"), actual);

        var recorded = File.ReadAllLines(Path.Combine(directory, "injection.txt"));
        actual.Should().HaveCount(recorded.Length);
        actual.Where((line, i) => line != recorded[i]).Should().BeEmpty();
    }
}
