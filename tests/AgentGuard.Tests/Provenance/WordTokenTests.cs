using AgentGuard.Provenance;
using CsCheck;

namespace AgentGuard.Tests.Provenance;

/// <summary>
/// Words in seen text are lower-cased into one new string now (a capitalised word made two). The words must be the
/// ones the plain split and <see cref="string.ToLowerInvariant()"/> give, whatever the case and script.
/// </summary>
public sealed class WordTokenTests
{
    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_ITERATIONS"), out var n) ? Math.Max(500, n / 5) : 5_000;

    [Fact]
    public void Words_AreTheSplitWordsInLowerCase()
    {
        var text = Gen.Char["aBzQÉéßΩω  "].Array[0, 40].Select(chars => new string(chars));
        text.Sample(value =>
        {
            var words = ValueTokenizer.Tokenize(value);
            Assert.All(words, token => Assert.Equal(ValueTokenKind.Word, token.Kind));
            Assert.Equal(
                value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => word.ToLowerInvariant()),
                words.Select(token => token.Canonical));
        }, iter: Iterations);
    }
}
