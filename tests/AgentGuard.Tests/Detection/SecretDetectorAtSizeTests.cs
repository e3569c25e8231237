using System.Text;

namespace AgentGuard.Tests.Detection;

/// <summary>
/// An attacker's tool result for the secret detector: one position repeated thousands of times on one line, then a real
/// secret. Each scan below read the rest of the line (or the rest of the text) once per hit, so 64 KB of <c>key=</c>
/// held <c>Find</c> for 7.5 seconds, <c>-u</c> for 1.2 s, private-key headers for 0.9 s. What each hit needs to know is
/// now read once and kept while it lies ahead; these tests check that what is kept is right — the secret after the
/// decoys is still found, whole (the time is measured by the benchmarks' <c>--detection-at-size</c>, not here).
/// </summary>
public sealed class SecretDetectorAtSizeTests
{
    private const string Password = "Qx7Lm2Pz9Rk4Tn8Vb3Wc";

    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly SecretDetector _detector = new();

    [Fact]
    public void Find_RunOfAssignedNamesThenASecret_FindsTheSecretWhole()
    {
        var text = Repeat("key=", 16_384) + " api_key=" + Password + "\n";

        CoversWhole(text, Password).Should().BeTrue();
    }

    [Theory]
    [InlineData("secret")]
    [InlineData("secret-")]
    [InlineData("SECRET_")]
    public void Find_RunOfSecretWordsThenAGluedValue_FindsTheValueWhole(string decoy)
    {
        // Each hit of the run reads a 64-character name for a value glued to it; a name in capitals is the same name.
        var value = "9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c";
        var text = Repeat(decoy, 8_192) + " LAUNCHDARKLY-SECRET-" + value + " ./run\n";

        CoversWhole(text, value).Should().BeTrue();
    }

    [Fact]
    public void Find_SecretAssignedInsideAnUnquotedValue_IsReadAsItsOwnAssignment()
    {
        // The outer value stops before the inner name; the inner value is a secret of its own, redacted whole.
        var text = "redirect_token=none:password=" + Password + "\n";

        CoversWhole(text, Password).Should().BeTrue();
    }

    [Fact]
    public void Find_ValueOfManyClosers_IsReadWhole()
    {
        // DB_PASSWORD=u@D7Gt)t>8d…: a generated password draws from every symbol, and a closer nothing in the value
        // opened belongs to it. The openers are kept as the value is read, not searched again at each closer.
        var value = string.Concat(Enumerable.Range(0, 1_000).Select(i => SecretText.Take(new Random(i), Alnum, 5) + ")"))[..^1];
        var text = "DB_PASSWORD=" + value + "\n";

        var found = Find(text);

        found.Should().ContainSingle();
        found[0].Start.Should().Be("DB_PASSWORD=".Length);
        found[0].Length.Should().Be(value.Length);
    }

    [Fact]
    public void Find_LineOfUserFlagsThenAPasswordFlag_FindsThePasswordOnThatLineAndTheNext()
    {
        var text = "docker" + Repeat(" login -u deploy", 4_000) + " -p " + Password + "\n"
            + "psexec \\\\host -u admin -p Zr4Wq8Lk2Xm6Tb9Nc3Vd\n";

        CoversWhole(text, Password).Should().BeTrue();
        CoversWhole(text, "Zr4Wq8Lk2Xm6Tb9Nc3Vd").Should().BeTrue();
    }

    [Fact]
    public void Find_LineOfUserFlagsWithoutAPasswordFlag_FindsTheNextLinesPassword()
    {
        var text = Repeat("docker login -u deploy ", 4_000) + "\n" + "docker login -u ci -p " + Password + " registry.example.com\n";

        CoversWhole(text, Password).Should().BeTrue();
    }

    [Fact]
    public void Find_MySqlClientNamedAfterManyUserFlags_ReadsTheGluedPassword()
    {
        var text = Repeat(" -u x", 3_000) + " mysql -uroot -p" + Password + " shop\n";

        CoversWhole(text, Password).Should().BeTrue();
    }

    [Fact]
    public void Find_LineOfCurlCommandsThenCredentials_FindsEachPassword()
    {
        var text = Repeat("curl ", 8_000) + "-u deploy:" + Password + " https://registry.example.com/\n"
            + "curl --user ci:Zr4Wq8Lk2Xm6Tb9Nc3Vd https://registry.example.com/\n";

        CoversWhole(text, Password).Should().BeTrue();
        CoversWhole(text, "Zr4Wq8Lk2Xm6Tb9Nc3Vd").Should().BeTrue();
    }

    [Fact]
    public void Find_ThousandsOfFindingsInOneRun_CoverTheWholeRun()
    {
        // A secret's value repeated without a break: each place is a finding, extended to the end of the run, which
        // is read once for all of them.
        var text = "api_key=" + Password + "\n" + Repeat(Password, 3_000) + " end";

        var found = Find(text);

        var run = Password.Length + 9;
        found.Should().Contain(f => f.Start == run && f.Length == Password.Length * 3_000);
    }

    [Fact]
    public void Find_PrivateKeyHeadersWithoutEndsThenAKey_CoversTheKeyWhole()
    {
        var decoys = Repeat("-----BEGIN RSA PRIVATE KEY-----!", 4_000);
        var key = PrivateKey(seed: 3);
        var text = decoys + "\n\n" + key + "\nafter\n";

        var found = Find(text);

        var at = text.IndexOf(key, StringComparison.Ordinal);
        found.Should().Contain(f => f.Start <= at && f.Start + f.Length >= at + key.Length);
    }

    [Fact]
    public void Find_HeadersRunningIntoAKey_CoverTheKeyWhole()
    {
        // Headers without ends run into one truncated key; the hits inside it are passed over, and the real key after
        // them is read on its own.
        var key = PrivateKey(seed: 5);
        var text = Repeat("-----BEGIN RSA PRIVATE KEY-----\n", 2_000) + "\n" + key + "\n";

        var found = Find(text);

        var at = text.IndexOf(key, StringComparison.Ordinal);
        found.Should().Contain(f => f.Start <= at && f.Start + f.Length >= at + key.Length);
    }

    [Fact]
    public void Find_LoginWithinTheLine_StillMakesTheSpacedPasswordOne()
    {
        var text = "machine ftp.example.com login joe password " + Password + "\n";

        CoversWhole(text, Password).Should().BeTrue();
    }

    [Theory]
    [InlineData("{a", "{DB_PASSWORD}", true)]
    [InlineData("<a", "<token>", true)]
    [InlineData("{a", "{db password}", true)]
    [InlineData("{a", "", false)]
    [InlineData("<a", "<>", false)]
    [InlineData("{a", "{a>", false)]
    [InlineData("<a", "<a}", false)]
    [InlineData("{a", "{a/b}", false)]
    public void IsPlaceholder_ValueOfThousandsOfOpenBrackets_IsATemplateOnlyWithABracketedName(string opener, string tail, bool template)
    {
        // Each bracket was searched to the value's end for its closer; the value is read once now, with the same answer.
        var value = "x" + Repeat(opener, 4_000) + tail + "z";

        global::AgentGuard.SecretText.IsPlaceholder(value).Should().Be(template);
    }

    [Fact]
    public void Find_PasswordOfOpenBrackets_IsFoundWholeAndATemplateIsNot()
    {
        var password = "Xk9" + Repeat("{a{b", 20) + "Z7q";

        CoversWhole("password=\"" + password + "\"\n", password).Should().BeTrue();
        Find("password=\"Xk9" + Repeat("{a{b", 20) + "{DB_PASSWORD}Z7q\"\n").Should().BeEmpty();
    }

    [Fact]
    public void Find_RunOfAssignedNamesWithASecretInside_FindsItWhole()
    {
        // The names classified inside each value are kept for the next values: the run's own secret is still read.
        var text = Repeat("key=", 4_000) + "password=" + Password + "&" + Repeat("token=", 4_000) + "\n";

        CoversWhole(text, Password).Should().BeTrue();
    }

    private List<SecretFinding> Find(string text)
    {
        var found = new List<SecretFinding>();
        _detector.Find(text, found);
        return found;
    }

    private bool CoversWhole(string text, string secret)
    {
        var at = text.LastIndexOf(secret, StringComparison.Ordinal);
        return Find(text).Any(f => f.Start <= at && f.Start + f.Length >= at + secret.Length);
    }

    private static string Repeat(string part, int times) => new StringBuilder(part.Length * times).Insert(0, part, times).ToString();

    private static string PrivateKey(int seed)
    {
        var bytes = new byte[1_190];
        new Random(seed).NextBytes(bytes);
        var body = Convert.ToBase64String(bytes);
        var lines = Enumerable.Range(0, (body.Length + 63) / 64).Select(i => body.Substring(i * 64, Math.Min(64, body.Length - (i * 64))));
        return "-----BEGIN RSA PRIVATE KEY-----\n" + string.Join("\n", lines) + "\n-----END RSA PRIVATE KEY-----";
    }
}
