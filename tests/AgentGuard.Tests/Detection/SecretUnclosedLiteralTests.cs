namespace AgentGuard.Tests.Detection;

/// <summary>
/// A quoted value under a secret's name whose line ends before the closing quote (secrets39, tuning misses of code
/// samples): a literal cut off where the text ends (<c>$key = 'gmUGWx…</c>) or cut after a trailing backslash that
/// continues it (<c>secret_key = 'Qm7v…\</c>). The value was dropped for want of its quote; a generated token up to the
/// line's end is the secret, or its first part. Look-alikes that stay clean: prose with an apostrophe, a word, a
/// placeholder, a closed literal that is no token, code running on after the quote.
/// </summary>
public sealed class SecretUnclosedLiteralTests
{
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Lines => new()
    {
        { "$key = 'gmUGWxhQW9KQWdhd0lCQVFRZ0ViVnpwrLzZYdDJPNG1PQjYxMXNPaFJ1", "gmUGWxhQW9KQWdhd0lCQVFRZ0ViVnpwrLzZYdDJPNG1PQjYxMXNPaFJ1" },
        { "secret_key = 'Qm7vLx2Rk9pTz4Nw8cYb3Hd6\\", "Qm7vLx2Rk9pTz4Nw8cYb3Hd6" },
        { "api_token = \"Xk9mQ2zLw7Rp4Tn8Vb3Hc6Jd\nprint(api_token)", "Xk9mQ2zLw7Rp4Tn8Vb3Hc6Jd" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_UnclosedTokenLiteral_CoversIt(string text, string token)
    {
        SecretText.ShouldCover(_detector, text, token);
    }

    [Theory]
    [InlineData("key = 'it's late, the token expires soon")]
    [InlineData("secret = 'hunter")]
    [InlineData("api_key = '<your-api-key-goes-here")]
    [InlineData("token = 'xxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("api_key = \"read-the-docs-first-please\nnext line")]
    [InlineData("token = \"${TOKEN_FROM_ENVIRONMENT")]
    public void Find_UnclosedLiteralWithoutAToken_FindsNothing(string text)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);

        findings.Should().BeEmpty(text);
    }
}
