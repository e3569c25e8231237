using Xunit.Abstractions;

namespace AgentGuard.Tests.Corpora;

/// <summary>
/// The held-out sample lines of <c>secrets.jsonl</c> that carry their context, as tools return them: each line the value
/// of a JSON object's string (<see cref="InjectionCorpusAsJsonTests.AsJson"/>: System.Text.Json's default encoder writes a
/// quote as <c>\u0022</c> and a <c>+</c> as <c>\u002B</c>; Python's <c>json.dumps</c> writes non-ASCII escaped). A secret
/// in a serialized result must be found and redacted whole, where it was written, as it is in the line itself. A
/// positive counts when the redaction covers the secret as the encoder wrote it. The bounds below hold the measured
/// figures (740 from either encoder against 738 as text).
/// </summary>
public sealed class SecretCorpusAsJsonTests(ITestOutputHelper output)
{
    private readonly SecretDetector _detector = new();

    [Theory]
    [MemberData(nameof(InjectionCorpusAsJsonTests.Encoders), MemberType = typeof(InjectionCorpusAsJsonTests))]
    public void HeldOut_AsAToolsJsonResult_IsFoundAsTheLineIs(string encoder)
    {
        var lines = Corpus.Read("secrets.jsonl").Where(s => s.IsHeldOut && SecretContext.Carries(s)).ToList();
        var positives = lines.Where(s => s.IsPositive).ToList();
        var negatives = lines.Where(s => !s.IsPositive).ToList();
        var asText = positives.Select(s => Outcome(s.Text, s.Secret)).ToList();
        var asJson = positives.Select(s => Outcome(InjectionCorpusAsJsonTests.AsJson(s.Text, encoder), s.Secret is null ? null : Escaped(s.Secret, encoder))).ToList();
        var flaggedAsText = negatives.Count(s => Flags(s.Text));
        var flaggedAsJson = negatives.Count(s => Flags(InjectionCorpusAsJsonTests.AsJson(s.Text, encoder)));
        output.WriteLine($"held-out lines with context as JSON ({encoder}): found {asJson.Count(o => o == "found")}/{positives.Count} ({asText.Count(o => o == "found")} as text), partial {asJson.Count(o => o == "partial")} ({asText.Count(o => o == "partial")}), negatives flagged {flaggedAsJson}/{negatives.Count} ({flaggedAsText})");

        // Regression bounds. Forty-third session: the secret detector read JSON as written, and System.Text.Json's escapes
        // (a quote as \u0022, '<' as \u003C) hid keys and cut values: 653 / 842 from .NET (2 partial, 33 flagged), 710 from
        // Python (4, 29), against 738, 5 and 31 as text. Forty-fourth session (measured once before and once after): a JSON
        // text is also read decoded, its findings mapped back (a finding that a decoded quote cuts covers its whole written
        // value), and each string value that holds a text is read as a text of its own: 740 from .NET (4 partial, 31
        // flagged) and 740 from Python (3, 31); as text unchanged (738, 5, 31). See docs/history/detection-log.md.
        var (found, partial, flagged) = encoder == "dotnet" ? (740, 4, 31) : (740, 3, 31);
        asJson.Count(o => o == "found").Should().BeGreaterThanOrEqualTo(found);
        asJson.Count(o => o == "partial").Should().BeLessThanOrEqualTo(partial);
        flaggedAsJson.Should().BeLessThanOrEqualTo(flagged);
    }

    /// <summary><paramref name="secret"/> as <paramref name="encoder"/> writes it inside a string.</summary>
    private static string Escaped(string secret, string encoder)
    {
        var empty = InjectionCorpusAsJsonTests.AsJson(string.Empty, encoder);
        var prefix = empty.IndexOf("\"\"", StringComparison.Ordinal) + 1;
        return InjectionCorpusAsJsonTests.AsJson(secret, encoder)[prefix..^(empty.Length - prefix)];
    }

    private bool Flags(string text)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);
        return findings.Count > 0;
    }

    private string Outcome(string text, string? secret)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);
        var start = secret is null ? -1 : text.IndexOf(secret, StringComparison.Ordinal);
        if (findings.Count == 0 || start < 0)
        {
            return findings.Count == 0 ? "none" : secret is null ? "found" : "elsewhere";
        }

        var covered = new bool[secret!.Length];
        foreach (var finding in ArgumentRedactor.RedactionSpans(text, findings))
        {
            for (var i = Math.Max(start, finding.Start); i < Math.Min(start + secret.Length, finding.Start + finding.Length); i++)
            {
                covered[i - start] = true;
            }
        }

        return covered.All(c => c) ? "found" : covered.Any(c => c) ? "partial" : "elsewhere";
    }
}
