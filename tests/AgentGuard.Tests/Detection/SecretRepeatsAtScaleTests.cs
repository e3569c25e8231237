namespace AgentGuard.Tests.Detection;

/// <summary>
/// An attacker's text for the search of repeated secrets (<c>SecretCompanions</c>): thousands of findings of one value,
/// or of many values, in one tool result. Every finding searched the whole text for its value and compared each place
/// with every finding, so 2,000 URL credentials of one value in 72 KB took 6 seconds and 256 KB minutes — an agent's
/// call held that long. The search is bounded now; these tests check what it still finds at that scale (the time is
/// measured in the benchmarks harness, not here).
/// </summary>
public sealed class SecretRepeatsAtScaleTests
{
    private readonly SecretDetector _detector = new();

    [Fact]
    public void Find_TwoThousandUrlCredentialsOfOneValue_CoversEveryOne()
    {
        const string password = "Qx7Lm2Pz9Rk4Tn8Vb3Wc";
        var text = string.Concat(Enumerable.Repeat("https://deploy:" + password + "@registry.example.com/ ", 2_000));

        var covered = Covered(text);

        Places(text, password).Should().OnlyContain(at => covered[at] && covered[at + password.Length - 1]);
    }

    [Fact]
    public void Find_ValueRepeatedWithoutItsName_IsCoveredWhereItRepeats()
    {
        const string password = "Qx7Lm2Pz9Rk4Tn8Vb3Wc";
        var filler = string.Concat(Enumerable.Repeat("https://deploy:" + password + "@registry.example.com/ ", 500));
        var text = filler + "\nlater the log echoes " + password + " on its own\n";

        var covered = Covered(text);
        var echoed = text.LastIndexOf(password, StringComparison.Ordinal);

        covered[echoed].Should().BeTrue();
        covered[echoed + password.Length - 1].Should().BeTrue();
    }

    [Fact]
    public void Find_ManyDistinctValuesRepeatedOnce_CoversTheFirstValuesRepeats()
    {
        var values = Enumerable.Range(0, 600).Select(i => "Zq" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + "Lm9Pz2Rk7Tn4").ToArray();
        var text = string.Concat(values.Select(v => "https://deploy:" + v + "@registry.example.com/\n")) + string.Concat(values.Take(10).Select(v => "echo " + v + "\n"));

        var covered = Covered(text);

        foreach (var value in values.Take(10))
        {
            var echoed = text.LastIndexOf(value, StringComparison.Ordinal);
            covered[echoed].Should().BeTrue(because: value);
        }
    }

    [Fact]
    public void Find_SecretEchoedAfterThreeHundredDecoys_IsCoveredWhereItIsEchoed()
    {
        // 300 decoy credentials first, then the real one and its echo without a name: every distinct value found is
        // searched for its repeats, not the first 256 (the echo was left in the audit file).
        const string secret = "Wk3Rt8Yp2Hn6Jd4Fs9Gx";
        var decoys = Enumerable.Range(0, 300).Select(i => "https://deploy:Zq" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + "Lm9Pz2Rk7Tn4@registry.example.com/\n");
        var text = string.Concat(decoys) + "https://admin:" + secret + "@db.example.com/\nlater the log echoes " + secret + " on its own\n";

        var covered = Covered(text);
        var echoed = text.LastIndexOf(secret, StringComparison.Ordinal);

        covered[echoed].Should().BeTrue();
        covered[echoed + secret.Length - 1].Should().BeTrue();
    }

    [Fact]
    public void Find_ManyDistinctValuesRepeatedOnce_CoversTheLastValuesRepeatsAndNotALookAlike()
    {
        var values = Enumerable.Range(0, 600).Select(i => "Zq" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + "Lm9Pz2Rk7Tn4").ToArray();
        const string lookAlike = "Zq000599Lm9Pz2Rk7Tn5";
        var text = string.Concat(values.Select(v => "https://deploy:" + v + "@registry.example.com/\n")) + string.Concat(values.TakeLast(10).Select(v => "echo " + v + "\n"))
            + "echo " + lookAlike + "\n";

        var covered = Covered(text);

        foreach (var value in values.TakeLast(10))
        {
            var echoed = text.LastIndexOf("echo " + value, StringComparison.Ordinal) + "echo ".Length;
            covered[echoed].Should().BeTrue(because: value);
            covered[echoed + value.Length - 1].Should().BeTrue(because: value);
        }

        covered.AsSpan(text.LastIndexOf(lookAlike, StringComparison.Ordinal), lookAlike.Length).Contains(true).Should().BeFalse();
    }

    [Fact]
    public void Find_ValueAndALongerValueItStarts_EachRepeatCoveredToItsOwnLength()
    {
        // Two found values, one the start of the other: each echo is covered by its own value (one search for both).
        const string shorter = "Qx7Lm2Pz9Rk4";
        const string longer = "Qx7Lm2Pz9Rk4Tn8Vb3Wc";
        var text = "https://a:" + shorter + "@h.example.com/\nhttps://b:" + longer + "@h.example.com/\necho " + longer + " then " + shorter + "!\n";

        var covered = Covered(text);
        var longEcho = text.IndexOf("echo ", StringComparison.Ordinal) + "echo ".Length;
        var shortEcho = text.LastIndexOf(shorter, StringComparison.Ordinal);

        covered.AsSpan(longEcho, longer.Length).Contains(false).Should().BeFalse();
        covered.AsSpan(shortEcho, shorter.Length).Contains(false).Should().BeFalse();
        covered[shortEcho + shorter.Length].Should().BeFalse();
    }

    private bool[] Covered(string text)
    {
        var found = new List<SecretFinding>();
        _detector.Find(text, found);
        var covered = new bool[text.Length];
        foreach (var finding in found)
        {
            Array.Fill(covered, true, finding.Start, finding.Length);
        }

        return covered;
    }

    private static IEnumerable<int> Places(string text, string value)
    {
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            yield return at;
        }
    }
}
