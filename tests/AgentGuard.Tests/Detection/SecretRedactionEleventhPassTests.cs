namespace AgentGuard.Tests.Detection;

/// <summary>
/// Fragments the eleventh pass of issue 14 found by writing the tuning secrets and generated passwords into more
/// carriers (URLs, JSON inside strings, punctuation, repeats, encodings): characters of a reported secret that the audit
/// redactor's widening stopped before. Each attacker case (the audit text must hold no piece of the secret) has the
/// ordinary text next to it whose neighbours must stay readable.
/// </summary>
public sealed class SecretRedactionEleventhPassTests
{
    private readonly ArgumentRedactor _redactor = new([new SecretDetector()]);

    [Theory]
    [InlineData("password=1qay@WXS????", "password=[REDACTED:password]")]
    [InlineData("password: 1qay@WXS???? # rotated", "password: [REDACTED:password] # rotated")]
    [InlineData("client_secret=1qay@WXS????&grant_type=client_credentials", "client_secret=[REDACTED:generic-secret]&grant_type=client_credentials")]
    [InlineData("connect(password=1qay@WXS????)", "connect(password=[REDACTED:password])")]
    [InlineData("{\"args\": \"password=1qay@WXS????\\\" next\"}", "{\"args\": \"password=[REDACTED:password]\\\" next\"}")]
    public void Redact_PasswordEndingInQuestionMarks_KeepsNoneOfThem(string text, string audited)
        => _redactor.RedactText(text).Should().Be(audited);

    [Theory]
    [InlineData("https://api.example.com/cb?token=AbC123xYz789QwE456rTy&page=2", "https://api.example.com/cb?token=[REDACTED:generic-secret]&page=2")]
    [InlineData("GET /v1/items?access_token=AbC123xYz789QwE456rTy HTTP/1.1", "GET /v1/items?access_token=[REDACTED:generic-secret] HTTP/1.1")]
    public void Redact_QuestionMarkThatStartsAQuery_StaysReadable(string text, string audited)
        => _redactor.RedactText(text).Should().Be(audited);

    [Theory]
    [InlineData("api_key=prefix_{hardcoded9}", "api_key=[REDACTED:generic-secret]")]
    [InlineData("[token: prefix_{hardcoded9}]", "[token: [REDACTED:generic-secret]]")]
    public void Redact_SecretHoldingOrInsideBraces_KeepsNoBraceOfIt(string text, string audited)
        => _redactor.RedactText(text).Should().Be(audited);

    [Theory]
    [InlineData("{\"token\": \"ghp_0123456789abcdefABCDEF0123456789abcd\"}", "{\"token\": \"[REDACTED:github-token]\"}")]
    [InlineData("{token: ghp_0123456789abcdefABCDEF0123456789abcd}", "{token: [REDACTED:github-token]}")]
    [InlineData("connect(password=Xk9q2wLm7vPz3rT8)", "connect(password=[REDACTED:password])")]
    public void Redact_BracketsAroundAnAssignment_StayReadable(string text, string audited)
        => _redactor.RedactText(text).Should().Be(audited);

    // A question mark between a value and white space is taken in: "is the token x? …" loses its question mark in the
    // audit text, which is cheaper than leaving the end of a password such as "1qay@WXS????".

    /// <summary>
    /// Found by the carrier property: a generated password holding <c>%B0</c> (percent-encoding by chance) and <c>:#</c>.
    /// The text as written is not reported; decoded, the value was read up to <c>:</c> and only that part was replaced,
    /// so the rest of the password reached the audit file.
    /// </summary>
    [Fact]
    public void Redact_PercentDecodedReadingOfAPassword_ReplacesItsWholeToken()
    {
        const string secret = "DFg~s/^EEc~KU:8hb7+WFbYs~O76qlPXjmWhV67bTv%B0cJe5EI:UOfr:#c5qt-#O+aa:wselj/YU8Zg.Bru=ue3Ib=.pXxv$lv.hf";

        var audited = _redactor.RedactText("TOKEN=" + secret + ";");

        (audited is null || !audited.Contains("c5qt", StringComparison.Ordinal)).Should().BeTrue(audited);
    }

    [Fact]
    public void Redact_PercentEncodedTokenInAQuery_KeepsTheNextParameter()
        => _redactor.RedactText("https://api.example.com/cb?token=ghp%5F0123456789abcdefABCDEF0123456789abcd&page=2")
            .Should().EndWith("&page=2").And.NotContain("0123456789abcdef");
}
