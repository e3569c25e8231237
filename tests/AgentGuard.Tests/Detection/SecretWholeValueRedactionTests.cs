namespace AgentGuard.Tests.Detection;

/// <summary>
/// A provider token read by its own grammar stops at the first symbol that grammar leaves out; when the token opens a
/// value that runs on (a quoted literal without white space, an unquoted value assigned to a name), the rest of the value
/// is the rest of the same secret and is redacted with it; so is a literal's rest after a stray blank when it is one run
/// of letters and digits (a token split in two). Look-alikes: a literal that is a sentence or a word after the token, an
/// unquoted value followed by the next field or by prose.
/// </summary>
public sealed class SecretWholeValueRedactionTests
{
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Lines => new()
    {
        { "grafana_policy = 'glc_Tq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1Jf5Gs0Ay?jJ2WHc5MTVXOWtNOWxs'", "glc_Tq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1Jf5Gs0Ay?jJ2WHc5MTVXOWtNOWxs" },
        { "{\"anthropic\": \"sk-ant-api03-Tq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1Jf5Gs0Ay2Ke7Qw(SFEuEPcjuYUITSiz\"}", "sk-ant-api03-Tq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1Jf5Gs0Ay2Ke7Qw(SFEuEPcjuYUITSiz" },
        { "OPENAI_ADMIN_KEY=sk-admin-Tq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1Jf5Gs0Ay2Ke7Qw#T3BlbkFJgTJWgjMvdi6Y\n", "sk-admin-Tq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1Jf5Gs0Ay2Ke7Qw#T3BlbkFJgTJWgjMvdi6Y" },
        { "password: dckr_pat_Tq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1<ZkVlxMhDTcTV00CDo\n", "dckr_pat_Tq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1<ZkVlxMhDTcTV00CDo" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Redact_TokenOpeningALongerValue_LeavesNoPieceOfTheValue(string line, string value)
    {
        var redacted = ArgumentRedactor.Replace(line, SecretText.Find(_detector, line));

        var tail = value[(value.IndexOfAny(['?', '(', '#', '<']) + 1)..];
        redacted.Should().Contain("[REDACTED:").And.NotContain(tail, line).And.NotContain(value[..12], line);
    }

    [Theory]
    [InlineData("data = {'token':'xoxb-482910573621-5930184726351-Tq9Lm2 Vx7Rk4Zp8Wc3Nb6Hd1','channel':'C017'}", "Vx7Rk4Zp8Wc3Nb6Hd1")]
    [InlineData("\"refresh_token\": \"ghr_Tq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1Jf5Gs0Ay2Ke7Q 9246c3CE1ccbF66C46812d16D5B1A9Dc\",", "9246c3CE1ccbF66C46812d16D5B1A9Dc")]
    public void Redact_TokenSplitByAStrayBlankInALiteral_LeavesNoPartOfIt(string line, string tail)
    {
        var redacted = ArgumentRedactor.Replace(line, SecretText.Find(_detector, line));

        redacted.Should().Contain("[REDACTED:").And.NotContain(tail, line);
    }

    [Theory]
    [InlineData("msg = \"ghp_Tq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1Jf5Gs0Ay2Ke7Q is the old token\"", " is the old token\"")]
    [InlineData("url=ghp_Tq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1Jf5Gs0Ay2Ke7Q&page=2 next", "&page=2 next")]
    [InlineData("token: ghp_Tq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1Jf5Gs0Ay2Ke7Q, rotated yesterday", ", rotated yesterday")]
    [InlineData("note = 'ghp_Tq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1Jf5Gs0Ay2Ke7Q expired'", " expired'")]
    [InlineData("note = 'ghp_Tq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1Jf5Gs0Ay2Ke7Q v2'", " v2'")]
    public void Redact_TokenBeforeProseOrTheNextField_KeepsThem(string line, string kept)
    {
        var redacted = ArgumentRedactor.Replace(line, SecretText.Find(_detector, line));

        redacted.Should().Contain("[REDACTED:").And.EndWith(kept);
    }
}
