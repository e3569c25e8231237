namespace AgentGuard.Tests.Detection;

/// <summary>
/// Classes from the tuning part of the secret corpus (twenty-fifth session): a token whose own prefix names a key
/// (<c>key_…</c>, <c>sk_…</c>, <c>pat-…</c>, <c>…_application_key_…</c>, <c>live_auth_…</c>), whatever the service, and a
/// webhook URL found by its path whose authority holds a port or a user (the URL is redacted from its scheme, not from
/// after the port). Values are assembled at run time, so the file holds no credential-shaped literal.
/// </summary>
public sealed class SecretDetectorTwentyFifthPassTests
{
    private const string Hex = "8f3c2a1b7d4e4c9ab1f23e5d6c7a8b9c";
    private const string Mixed = "Qm7Rt2Vx9Lp4Nz8Bw3Hc6Jd1Kf5Gs0Yu";
    private const string Uuid = "3b9f1c2a-7d4e-4c9a-b1f2-3e5d6c7a8b9c";

    private readonly ArgumentRedactor _redactor = new([new SecretDetector()]);
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> KeyNamedTokens => new()
    {
        { "key" + "_" + Hex[..28], Hex[..28] },
        { "client.init(\"key" + "-" + Hex + "\");", Hex },
        { "sk" + "_" + Hex + Hex[..16], Hex[..30] },
        { "pat" + "-eu1-" + Uuid, Uuid },
        { "acme_application_key" + "_" + Mixed + "_-" + Mixed[..12], Mixed },
        { "live_auth" + "_" + Hex, Hex },
        { "headers = {\"X-Key\": x} # api" + "_" + Mixed, Mixed },
        { "SECRET" + "_" + Mixed[..24], Mixed[..24] },
    };

    [Theory]
    [MemberData(nameof(KeyNamedTokens))]
    public void Redact_TokenWhosePrefixNamesAKey_LeavesNoPartOfIt(string text, string body)
    {
        var redacted = _redactor.RedactText(text);

        redacted.Should().NotBeNull().And.NotContain(body[..10]).And.NotContain(body[^10..]);
    }

    public static TheoryData<string, string> WebhookUrls => new()
    {
        { "webhook: https://chat.example.com:8065/hooks/" + "bh5q3yjrufdr7z68nt1msp8oqr", "https://chat.example.com:8065/hooks/bh5q3yjrufdr7z68nt1msp8oqr" },
        { "url = \"https://bot@chat.example.org/hooks/" + "x7k2m9p4q8r1t6w3z5y0n2b4v6\"", "https://bot@chat.example.org/hooks/x7k2m9p4q8r1t6w3z5y0n2b4v6" },
    };

    [Theory]
    [MemberData(nameof(WebhookUrls))]
    public void Find_WebhookUrlWithPortOrUser_CoversTheWholeUrl(string text, string url)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);
        var start = text.IndexOf(url, StringComparison.Ordinal);

        ArgumentRedactor.RedactionSpans(text, findings).Should().Contain(f => f.Start <= start && f.Start + f.Length >= start + url.Length);
    }

    /// <summary>Look-alikes: key-named prefixes before names, words, versions, short or plain ids, and glued words.</summary>
    [Theory]
    [InlineData("kubectl logs api-server-deployment-7d4b9c8f6d-x2k9p")]
    [InlineData("api-7d4b9c8f6d-x2k9p is restarting")]
    [InlineData("store the row in key_value_store_backup_2023_01_15")]
    [InlineData("the task-3f2a1b4c5d6e7f8091a2b3c4d5e6f708 finished")]
    [InlineData("disk-0a1b2c3d4e5f60718293a4b5c6d7e8f9 attached")]
    [InlineData("use api_version_2024_01_15_preview for the call")]
    [InlineData("see docs/api-reference/authentication-tokens-v2")]
    [InlineData("call getKey_ForUserAccountById2FromCache3 first")]
    [InlineData("key_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("sk_test_your_secret_key_goes_here_1234")]
    [InlineData("pat-your-personal-access-token-here")]
    [InlineData("the id is key_1234567890123456789012345")]
    [InlineData("tool call toolu_01A09q90qw90lq917835lq9 and msg_01XFDUDYJgAACzvnptvVoYEL")]
    [InlineData("payment pi_3MtwBwLkdIwHu7ix28a3tqPa for cus_NffrFeUfNV2Hib")]
    [InlineData("docs: https://github.com/acme/repo/settings/hooks/412345678")]
    [InlineData("see https://docs.example.com:8443/hooks/overview")]
    [InlineData("retrying with idempotency_key_4f9d2c1a-7b3e-4c8a-9f1d-2e6b5a8c7d90")]
    public void Find_LookAlike_IsNotReported(string text)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);

        findings.Should().BeEmpty();
    }
}
