namespace AgentGuard.Tests.Detection;

/// <summary>
/// Classes from the tuning part of the secret corpus (twenty-fourth session): documented provider formats the catalogue
/// lacked (Docker Swarm join tokens, JFrog Artifactory reference tokens, Infura endpoint URLs), a secret-named value's
/// fallback literal (<c>process.env.API_TOKEN || "…"</c>, <c>env("SECRET_KEY", default="…")</c>), <c>setx</c> with a
/// quoted name (and <c>API_KEY_2=</c>, already found), and a key block inside a string that ends with an
/// escaped line break. Values are assembled at run time, so the file holds no credential-shaped literal.
/// </summary>
public sealed class SecretDetectorTwentyFourthPassTests
{
    private const string Hex = "8f3c2a1b7d4e4c9ab1f23e5d6c7a8b9c";
    private const string Mixed = "Qm7Rt2Vx9Lp4Nz8Bw3Hc6Jd1Kf5Gs0Yu";
    private const string Base36 = "0o98pf607edyse6ncy7j3z5tjz5ehz6wdmmlevttk55nkgpyh1";

    private readonly SecretDetector _detector = new();
    private readonly ArgumentRedactor _redactor = new([new SecretDetector()]);

    private static string SwarmToken => "SWM" + "TKN-1-" + Base36 + "-" + Base36[3..28];

    private static string ReferenceToken => "cmVm" + "dGtuOjAx" + (Mixed + Mixed)[..52];

    private static string InfuraUrl(string path) => "https://mainnet.infura.io/" + path + Hex;

    public static TheoryData<string, string> ProviderTokens => new()
    {
        { "docker swarm join --token " + SwarmToken + " 10.0.0.5:2377", SwarmToken },
        { "swarmJoin.setJoinToken(\"" + SwarmToken + "\");", SwarmToken },
        { "put(\"reference-with-user\", \"admin:" + ReferenceToken + "\");", ReferenceToken },
        { "curl -H \"Authorization: Bearer " + ReferenceToken + "\" https://acme.jfrog.io", ReferenceToken },
        { "'1': '" + InfuraUrl("v3/") + "',", Hex },
        { "const ws = new WebSocket(\"wss://mainnet.infura.io/ws/v3/" + Hex + "\");", Hex },
    };

    [Theory]
    [MemberData(nameof(ProviderTokens))]
    public void Redact_DocumentedProviderFormat_LeavesNoPartOfIt(string text, string token)
    {
        var redacted = _redactor.RedactText(text);

        redacted.Should().NotBeNull().And.NotContain(token[^12..]).And.NotContain(token[(token.Length / 2)..][..8]);
    }

    public static TheoryData<string, string> Fallbacks => new()
    {
        { "const accountKey = process.env.ACCOUNT_KEY || \"" + Mixed + "+l0W8My/FwuZ08dW\";", Mixed },
        { "SONARQUBE_TOKEN: process.env.SONARQUBE_TOKEN || '" + Hex + "',", Hex },
        { "const password = process.env.DB_PASSWORD ?? \"Xk9#mQ2!vL\";", "Xk9#mQ2!vL" },
        { "SECRET_KEY = env(\"SECRET_KEY\", default=\"d&lv" + Mixed + "#1gx\")", Mixed },
        { "token = os.environ.get(\"API_TOKEN\", default='" + Mixed + "')", Mixed },
        { "setx \"SONAR_TOKEN\" \"" + Hex + "\"", Hex },
        { "API_KEY_2=" + Mixed, Mixed },
    };

    [Theory]
    [MemberData(nameof(Fallbacks))]
    public void Find_SecretNamedValueInAnotherSyntax_IsRedactedWhole(string text, string secret)
    {
        var redacted = _redactor.RedactText(text);

        redacted.Should().NotBeNull().And.NotContain(secret[..10]).And.NotContain(secret[^10..]);
    }

    /// <summary>Look-alikes: prefixes and hosts without a token, placeholders, empty or word fallbacks, other names.</summary>
    [Theory]
    [InlineData("run docker swarm join --help to see the SWMTKN-1- format")]
    [InlineData("SWMTKN-1-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("reference tokens start with cmVmdGtu")]
    [InlineData("url: https://mainnet.infura.io/v3/YOUR-PROJECT-ID")]
    [InlineData("the endpoint is infura.io/v3/ followed by your key")]
    [InlineData("const token = process.env.API_TOKEN || \"\";")]
    [InlineData("const token = process.env.API_TOKEN || 'changeme';")]
    [InlineData("const mode = process.env.AUTH_MODE || \"anonymous\";")]
    [InlineData("const next = process.env.PAGE_TOKEN || \"1\";")]
    [InlineData("const token = userToken || defaultToken;")]
    [InlineData("DEBUG = env(\"DEBUG\", default=\"False\")")]
    [InlineData("SECRET_KEY = env(\"SECRET_KEY\", default=None)")]
    [InlineData("setx \"PATH\" \"C:\\tools\\bin\"")]
    [InlineData("monkey2 = \"banana\"")]
    [InlineData("step2 = \"compile the keyboard layout\"")]
    public void Find_LookAlikes_AreNotReported(string text)
        => Findings(text).Should().BeEmpty();

    /// <summary>
    /// Keys published in documentation are examples, not secrets: the Azure Storage emulator's account key (Azurite) and
    /// the Docker documentation's example Swarm join token; and a fallback that says the value is not set.
    /// </summary>
    [Theory]
    [InlineData("\"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={0};\"")]
    [InlineData("\"JoinTokens\": {{\n  \"Worker\": \"{1}\"\n}}")]
    [InlineData("const password = process.env.DB_PASSWORD || \"not-set\";")]
    public void Find_DocumentedExampleKeys_AreNotReported(string format)
    {
        var azurite = "Eby8vdM02xNOcqFlqUwJ" + "PLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
        var swarmExample = "SWM" + "TKN-1-3pu6hszjas19xyp7ghgosyx9k8atbfcr8p2is99znpy26u2lkl-1awxwuwd3z9j1z3puu7rcgdbx";

        Findings(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, azurite, swarmExample)).Should().BeEmpty();
    }

    /// <summary>
    /// A key block inside a JSON string ends with an escaped line break before the closing quote: the redaction reaches
    /// the quote, so nothing of the value is left beside it.
    /// </summary>
    [Fact]
    public void RedactionSpans_KeyBlockEndingWithEscapedLineBreak_ReachesTheClosingQuote()
    {
        var body = string.Concat(Enumerable.Repeat(Mixed, 2));
        var block = "-----BEGIN PRIVATE KEY-----\\n" + body + "\\n" + body[..20] + "=\\n-----END PRIVATE KEY-----\\n";
        var text = "{\n  \"private_key\": \"" + block + "\",\n  \"client_email\": \"svc@project.iam.gserviceaccount.com\"\n}";

        var covered = Covered(text);

        var start = text.IndexOf(block, StringComparison.Ordinal);
        Enumerable.Range(start, block.Length).Should().OnlyContain(i => covered[i]);
    }

    [Fact]
    public void RedactionSpans_KeyBlockFollowedByEscapedLineBreakAndMoreText_StopsAtTheBreak()
    {
        var body = string.Concat(Enumerable.Repeat(Mixed, 2));
        var block = "-----BEGIN PRIVATE KEY-----\\n" + body + "\\n-----END PRIVATE KEY-----";
        var text = "\"" + block + "\\nnext line of the log\"";

        var covered = Covered(text);

        covered[text.IndexOf("next line", StringComparison.Ordinal)].Should().BeFalse();
        Enumerable.Range(text.IndexOf(block, StringComparison.Ordinal), block.Length).Should().OnlyContain(i => covered[i]);
    }

    private bool[] Covered(string text)
    {
        var covered = new bool[text.Length];
        foreach (var span in ArgumentRedactor.RedactionSpans(text, Findings(text)))
        {
            for (var i = span.Start; i < span.Start + span.Length; i++)
            {
                covered[i] = true;
            }
        }

        return covered;
    }

    private List<SecretFinding> Findings(string text)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);
        return findings;
    }
}
