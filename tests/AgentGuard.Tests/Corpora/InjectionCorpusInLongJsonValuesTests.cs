namespace AgentGuard.Tests.Corpora;

/// <summary>
/// The walk of a long JSON value leaves the stops away from its edges to the walk of the decoded result (the two read
/// the same text there), so a JSON result costs about one walk, not two. That must change no score: every tuning text of
/// <c>injection.jsonl</c> at the start and at the end of a value of about 3 KB, serialized as .NET and Python write it,
/// is assessed as the plain walk (every position a stop, every value walked whole) assesses it.
/// </summary>
public sealed class InjectionCorpusInLongJsonValuesTests
{
    private static readonly string Filler = string.Concat(Enumerable.Repeat("The order shipped today and we will send the tracking number soon. ", 40));

    private readonly InjectionDetector _detector = new();

    [Theory]
    [InlineData("dotnet")]
    [InlineData("python")]
    public void TuningTexts_AtTheEdgesOfALongValue_ScoreAsThePlainWalkScoresThem(string encoder)
    {
        var differing = new List<string>();
        foreach (var sample in Corpus.Read("injection.jsonl").Where(s => !s.IsHeldOut))
        {
            foreach (var value in new[] { sample.Text + "\n\n" + Filler, Filler + "\n\n" + sample.Text })
            {
                var json = InjectionCorpusAsJsonTests.AsJson(value, encoder);
                var fast = _detector.Assess(json);
                var plain = InjectionDetector.AssessAtEveryPosition(json);
                if (fast.Score != plain.Score || !fast.Markers.SequenceEqual(plain.Markers))
                {
                    differing.Add($"{sample.Source} {sample.Path}: {fast.Score} vs {plain.Score}");
                }
            }
        }

        differing.Should().BeEmpty();
    }
}
