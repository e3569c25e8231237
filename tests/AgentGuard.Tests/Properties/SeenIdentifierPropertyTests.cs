using System.Text.RegularExpressions;
using AgentGuard.Provenance;
using CsCheck;

namespace AgentGuard.Tests.Properties;

/// <summary>
/// The identifiers <see cref="ValueTokenizer.TokenizeSeen"/> adds to seen text against a naive reading of their
/// definition (each maximal run of letters, digits and underscores, its outer underscores trimmed, that still holds an
/// underscore; then each maximal run of letters, digits and hyphens, its outer hyphens trimmed, of eight characters or
/// more, made of two or more words joined by single hyphens, each word starting with a letter; lower case, each once, in
/// order of first appearance), and the tokens before them are exactly those of
/// <see cref="ValueTokenizer.Tokenize(string)"/>, so no word sequence of the text is split; the hosts of its URLs, each once.
/// </summary>
public sealed partial class SeenIdentifierPropertyTests
{
    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_ITERATIONS"), out var n) ? n : 20_000;

    private static readonly Gen<string> Text = Gen.Char["aB1_ _-.@/:x"].Array[0, 40].Select(c => new string(c));

    [GeneratedRegex(@"[\p{L}\p{N}_]+")]
    private static partial Regex Run();

    [GeneratedRegex(@"[\p{L}\p{N}-]+")]
    private static partial Regex HyphenRun();

    private static List<string> Naive(string text)
    {
        var found = new List<string>();
        foreach (Match match in Run().Matches(text))
        {
            var identifier = match.Value.Trim('_').ToLowerInvariant();
            if (identifier.Contains('_') && !found.Contains(identifier))
            {
                found.Add(identifier);
            }
        }

        var hyphenated = new List<string>();
        foreach (Match match in HyphenRun().Matches(text))
        {
            var identifier = match.Value.Trim('-').ToLowerInvariant();
            var words = identifier.Split('-');
            if (identifier.Length >= 8 && words.Length >= 2 && words.All(w => w.Length > 0 && char.IsLetter(w[0])) && !hyphenated.Contains(identifier))
            {
                hyphenated.Add(identifier);
            }
        }

        return [.. found, .. hyphenated];
    }

    [Fact]
    public void Identifiers_AreTheNaiveRuns_AfterTheOrdinaryTokens()
        => Text.Sample(text =>
        {
            var seen = ValueTokenizer.TokenizeSeen(text);
            var plain = ValueTokenizer.Tokenize(text);
            seen.Take(plain.Count).Should().Equal(plain, text);
            seen.Skip(plain.Count).Where(t => t.Kind is not (ValueTokenKind.Identifier or ValueTokenKind.Host)).Should().BeEmpty(text);
            seen.Skip(plain.Count).Where(t => t.Kind == ValueTokenKind.Identifier).Select(t => t.Canonical).Should().Equal(Naive(text), text);
            seen.Skip(plain.Count).Where(t => t.Kind == ValueTokenKind.Host).Select(t => t.Canonical).Should()
                .Equal(plain.Where(t => t.Kind == ValueTokenKind.Url).Select(t => ValueTokenizer.HostOf(t.Canonical).ToString()).Where(h => h.Length > 0).Distinct(), text);
        }, iter: Iterations);
}
