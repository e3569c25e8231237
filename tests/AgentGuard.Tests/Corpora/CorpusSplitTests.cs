namespace AgentGuard.Tests.Corpora;

/// <summary>The held-out split is the one decided by the hash when the corpora were built, not edited afterwards.</summary>
public sealed class CorpusSplitTests
{
    [Theory]
    [InlineData("injection.jsonl")]
    [InlineData("secrets.jsonl")]
    [InlineData("poisoning.jsonl")]
    public void Corpus_RecordedSplit_EqualsTheHashSplit(string file)
    {
        var samples = Corpus.Read(file);
        samples.Should().HaveCountGreaterThan(300);
        samples.Where(s => s.Split != Corpus.SplitOf(s.Text)).Should().BeEmpty();
        samples.Count(s => s.IsHeldOut).Should().BeInRange(samples.Count / 5, samples.Count * 2 / 5);
    }
}
