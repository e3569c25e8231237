namespace AgentGuard.Tests.Properties;

/// <summary>What the no-fragment properties assert of a secret written into a text: no finding touches it, or the redaction covers it whole.</summary>
internal static class RedactionCoverage
{
    /// <summary>True when no redaction span touches <paramref name="secret"/>'s first occurrence in <paramref name="text"/>, or the spans cover all of it.</summary>
    public static bool UnreportedOrRedactedWhole(SecretDetector detector, string text, string secret)
    {
        var start = text.IndexOf(secret, StringComparison.Ordinal);
        var findings = new List<SecretFinding>();
        detector.Find(text, findings);
        var spans = ArgumentRedactor.RedactionSpans(text, findings);
        if (!spans.Any(s => s.Start < start + secret.Length && s.Start + s.Length > start))
        {
            return true;
        }

        var covered = new bool[secret.Length];
        foreach (var span in spans)
        {
            for (var i = Math.Max(start, span.Start); i < Math.Min(start + secret.Length, span.Start + span.Length); i++)
            {
                covered[i - start] = true;
            }
        }

        return covered.All(c => c);
    }
}
