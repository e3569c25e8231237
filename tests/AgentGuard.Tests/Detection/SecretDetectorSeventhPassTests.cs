namespace AgentGuard.Tests.Detection;

/// <summary>
/// The secret classes of the seventh pass of issue 14, decided from tuning lines only: secrets found through their
/// relation to a secret already found. First how a credential got past the detector, then the ordinary text that looks
/// like it. Values are generated from a seeded <see cref="Random"/>: no credential-shaped literal sits in the repository.
/// </summary>
public sealed class SecretDetectorSeventhPassTests
{
    private const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private readonly SecretDetector _detector = new();
    private readonly Random _random = new(1407);

    /// <summary>
    /// A password equal to the user name (<c>User ID=specialbill_user; … Password =specialbill_user;</c>) or a token
    /// that the text repeats without its name: the password position was redacted and the same characters reached the
    /// audit file elsewhere in the text.
    /// </summary>
    [Fact]
    public void Redact_FoundValueRepeatedElsewhere_IsRedactedEverywhere()
    {
        var password = Take(Alnum, 6) + "_" + Take(Alnum, 7);
        var token = Take(Alnum, 40);

        Uncovered("Provider=SQLOLEDB.1;User ID=" + password + "; Password =" + password + ";Initial Catalog=Prod;", password).Should().Be(0);
        Uncovered("API_KEY=" + token + "\nthen run: echo " + token + " | docker login --password-stdin", token).Should().Be(0);
        Uncovered("password: " + password + "\n# rotated from " + password + " last week, also stored as " + password, password).Should().Be(0);
    }

    /// <summary>
    /// The secret half of an access-key pair given as the next argument of the same call
    /// (<c>AcsClient("LTAI…", "…", "cn-hangzhou")</c>, <c>new BasicCredentials("AKIA…", '…')</c>) had no name before it.
    /// </summary>
    [Fact]
    public void Find_SecretArgumentAfterAnAccessKeyId_IsReported()
    {
        var alibabaId = "LTAI" + Take(Alnum, 20);
        var awsId = "AKIA" + Take(Upper, 16);
        var secret = Take(Alnum, 30);
        var awsSecret = Take(Alnum, 20) + "/" + Take(Alnum, 10) + "+" + Take(Alnum, 8);

        Values("client = AcsClient(\"" + alibabaId + "\", \"" + secret + "\", \"cn-hangzhou\")").Should().Contain(secret);
        Values("creds = Creds('" + awsId + "',\n    '" + awsSecret + "')").Should().Contain(awsSecret);
        Values("new StaticCredentials(\"" + awsId + "\", \"" + awsSecret + "\", \"\")").Should().Contain(awsSecret);
    }

    /// <summary>What follows an access key id in everyday calls: a region, a word, a placeholder, an empty string; and short values said again.</summary>
    [Fact]
    public void Find_OrdinaryArgumentsAfterAnAccessKeyId_AndShortRepeats_StayUnreported()
    {
        var alibabaId = "LTAI" + Take(Alnum, 20);
        var awsId = "AKIA" + Take(Upper, 16);

        Values("AcsClient(\"" + alibabaId + "\", \"cn-hangzhou\")").Should().Equal(alibabaId);
        Values("Creds('" + awsId + "', 'us-east-1')").Should().Equal(awsId);
        Values("Creds(\"" + awsId + "\", \"<your-secret-access-key>\")").Should().Equal(awsId);
        Values("Creds(\"" + awsId + "\", \"\")").Should().Equal(awsId);
        Values("Creds(\"" + awsId + "\", \"getSecretFromVaultByName\")").Should().Equal(awsId);
        Values("lookup(\"" + awsId + "\") + \"" + Take(Alnum, 30) + "\"").Should().Equal(awsId);

        // A value under eight characters is not looked for again: it may be a common word.
        var spans = SecretText.Find(_detector, "password=Xq7#pw2 and the admin named Xq7#pw2");
        spans.Should().HaveCount(1);
    }

    private int Uncovered(string text, string secret)
    {
        var spans = ArgumentRedactor.RedactionSpans(text, SecretText.Find(_detector, text));
        var uncovered = 0;
        for (var at = text.IndexOf(secret, StringComparison.Ordinal); at >= 0; at = text.IndexOf(secret, at + 1, StringComparison.Ordinal))
        {
            var start = at;
            uncovered += Enumerable.Range(start, secret.Length).All(i => spans.Any(s => s.Start <= i && i < s.Start + s.Length)) ? 0 : 1;
        }

        return uncovered;
    }

    private List<string> Values(string text) => SecretText.Values(_detector, text);

    private string Take(string alphabet, int count) => SecretText.Take(_random, alphabet, count);
}
