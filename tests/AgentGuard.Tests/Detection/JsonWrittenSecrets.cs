using AgentGuard.Tests.Corpora;
using FluentAssertions;

namespace AgentGuard.Tests.Detection;

/// <summary>A secret as a JSON encoder writes it inside a string, and how much of it the audit redactor covers.</summary>
internal static class JsonWrittenSecrets
{
    /// <summary><paramref name="value"/> as <paramref name="encoder"/> ("dotnet" or "python") writes it inside a JSON string, without the quotes.</summary>
    public static string Escaped(string value, string encoder)
    {
        var empty = InjectionCorpusAsJsonTests.AsJson(string.Empty, encoder);
        var prefix = empty.IndexOf("\"\"", StringComparison.Ordinal) + 1;
        return InjectionCorpusAsJsonTests.AsJson(value, encoder)[prefix..^(empty.Length - prefix)];
    }

    /// <summary>"whole", "fragment" or "none": how much of the first <paramref name="written"/> in <paramref name="text"/> the redaction of the detector's findings covers.</summary>
    public static string Covered(SecretDetector detector, string text, string written)
    {
        var findings = new List<SecretFinding>();
        detector.Find(text, findings);
        var start = text.IndexOf(written, StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, written);
        var covered = new bool[written.Length];
        foreach (var span in ArgumentRedactor.RedactionSpans(text, findings))
        {
            for (var i = Math.Max(start, span.Start); i < Math.Min(start + written.Length, span.Start + span.Length); i++)
            {
                covered[i - start] = true;
            }
        }

        return covered.All(c => c) ? "whole" : covered.Any(c => c) ? "fragment" : "none";
    }
}
