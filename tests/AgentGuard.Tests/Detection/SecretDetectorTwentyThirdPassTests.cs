namespace AgentGuard.Tests.Detection;

/// <summary>
/// Classes from the tuning part of semgrep-rules' secret tests (twenty-third session): provider formats with documented
/// prefixes (Amazon MWS auth tokens, Kolide API keys, Onfido live tokens, Braintree production access tokens), a URL
/// password that holds the word "password" among a symbol and digits, and masks under a provider prefix
/// (<c>ghp_abab…</c>, two characters repeated) that are not secrets. Values are assembled at run time, so the file holds
/// no credential-shaped literal.
/// </summary>
public sealed class SecretDetectorTwentyThirdPassTests
{
    private const string Hex = "8f3c2a1b7d4e4c9ab1f23e5d6c7a8b9c";
    private const string Mixed = "Qm7Rt2Vx9Lp4Nz8Bw3Hc6Jd1Kf5Gs0Yu";

    private readonly SecretDetector _detector = new();
    private readonly ArgumentRedactor _redactor = new([new SecretDetector()]);

    private static string MwsToken => "amzn.mws." + Hex[..8] + "-" + Hex[8..12] + "-" + Hex[12..16] + "-" + Hex[16..20] + "-" + Hex[20..];

    private static string KolideKey => "k2sk_v1_" + Mixed[..24];

    private static string OnfidoToken(string region) => "api_live" + region + "." + Mixed[..9] + "-_" + "." + Mixed + "x-";

    private static string BraintreeToken => "access_token$production$" + Hex[..16] + "$" + Hex;

    public static TheoryData<string, string> ProviderTokens => new()
    {
        { "MWS_AUTH_TOKEN=" + MwsToken, MwsToken },
        { MwsToken, MwsToken },
        { "kolide: " + KolideKey, KolideKey },
        { "- " + KolideKey + "\n- next", KolideKey },
        { "ONFIDO=" + OnfidoToken(""), OnfidoToken("") },
        { "client = onfido.Api(\"" + OnfidoToken("_us") + "\")", OnfidoToken("_us") },
        { "token " + OnfidoToken("_ca") + " for Canada", OnfidoToken("_ca") },
        { "BT_ACCESS_TOKEN=" + BraintreeToken, BraintreeToken },
        { "gateway = braintree.BraintreeGateway(access_token=\"" + BraintreeToken + "\")", BraintreeToken },
    };

    [Theory]
    [MemberData(nameof(ProviderTokens))]
    public void Redact_DocumentedProviderFormat_LeavesNoPartOfIt(string text, string token)
    {
        var redacted = _redactor.RedactText(text);

        redacted.Should().NotBeNull().And.NotContain(token[^12..]).And.NotContain(token[(token.Length / 2)..][..8]);
        Findings(text).Should().Contain(f => f.Start <= text.IndexOf(token, StringComparison.Ordinal)
            && f.Start + f.Length >= text.IndexOf(token, StringComparison.Ordinal) + token.Length);
    }

    [Theory]
    [InlineData("https://deploy:Password12^@db.internal:5432/app", "Password12^")]
    [InlineData("DATABASE_URL=postgres://svc_app:passworD0+@10.0.0.7/orders", "passworD0+")]
    [InlineData("proxy: http://ops:My-Pa55word!@proxy.corp:3128/", "My-Pa55word!")]
    public void Find_UrlPasswordHoldingTheWordWithASymbol_IsReported(string text, string password)
    {
        var findings = Findings(text);

        findings.Should().ContainSingle(f => text.Substring(f.Start, f.Length).Contains(password, StringComparison.Ordinal));
    }

    /// <summary>Look-alikes: the prefixes in other words, short or placeholder bodies, masks, and toy URL passwords.</summary>
    [Theory]
    [InlineData("amzn.mws.config = load()")]
    [InlineData("see amzn.mws.00000000-0000-0000-0000-000000000000 in the docs")]
    [InlineData("k2sk_v1_ is the prefix of a Kolide key")]
    [InlineData("api_live.status is true")]
    [InlineData("if api_live_ca.enabled then restart")]
    [InlineData("access_token$production$xxxxxxxxxxxxxxxx$xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("https://user:MyPassword1@example.com")]
    [InlineData("postgres://postgres:password@localhost:5432/app")]
    [InlineData("https://username:************@example.com")]
    public void Find_LookAlikes_AreNotReported(string text)
        => Findings(text).Should().BeEmpty();

    [Theory]
    [InlineData("gh", "p_", "ab")]
    [InlineData("gl", "pat-", "xy")]
    [InlineData("sk_li", "ve_", "01")]
    public void Find_TwoCharacterMaskUnderAProviderPrefix_IsNotReported(string prefixStart, string prefixEnd, string pair)
    {
        var text = "token: " + prefixStart + prefixEnd + string.Concat(Enumerable.Repeat(pair, 18));

        Findings(text).Should().BeEmpty();
    }

    /// <summary>A real token under the same prefix, with a two-character run inside it shorter than 12, stays reported.</summary>
    [Fact]
    public void Find_TokenWithAShortRepeatedRun_IsStillReported()
    {
        var text = "token: " + "gh" + "p_" + "abababab" + Mixed[..28];

        Findings(text).Should().ContainSingle();
    }

    private List<SecretFinding> Findings(string text)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);
        return findings;
    }
}
