namespace AgentGuard.Tests.Detection;

/// <summary>Helpers the secret detector's tests share: random token text and what the audit redactor covers.</summary>
internal static class SecretText
{
    /// <summary>What <paramref name="detector"/> finds in <paramref name="text"/>.</summary>
    public static List<SecretFinding> Find(SecretDetector detector, string text)
    {
        var findings = new List<SecretFinding>();
        detector.Find(text, findings);
        return findings;
    }

    /// <summary>The text of each finding <paramref name="detector"/> makes in <paramref name="text"/>.</summary>
    public static List<string> Values(SecretDetector detector, string text) => [.. Find(detector, text).Select(f => text.Substring(f.Start, f.Length))];

    /// <summary>What the audit redactor replaces in <paramref name="text"/> given the detector's <paramref name="findings"/>, joined.</summary>
    public static string Covered(string text, List<SecretFinding> findings)
    {
        var spans = ArgumentRedactor.RedactionSpans(text, findings);
        return string.Join(" | ", spans.Select(s => text.Substring(s.Start, s.Length)));
    }

    /// <summary>Asserts that what the audit redactor replaces in <paramref name="line"/> covers all of <paramref name="secret"/>.</summary>
    public static void ShouldCover(SecretDetector detector, string line, string secret)
    {
        var start = line.IndexOf(secret, StringComparison.Ordinal);
        ArgumentRedactor.RedactionSpans(line, Find(detector, line)).Should().Contain(f => f.Start <= start && f.Start + f.Length >= start + secret.Length, line);
    }

    /// <summary><paramref name="count"/> characters drawn from <paramref name="alphabet"/>.</summary>
    public static string Take(Random random, string alphabet, int count)
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
