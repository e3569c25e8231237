namespace AgentGuard.Tests.Detection;

/// <summary>
/// A provider token written right after another with nothing between them (two keys pasted into one field, a log that
/// joins values): the second token's prefix is glued to a word, yet the word before it is a token of a known format,
/// so both are reported and redacted whole. Look-alikes: a prefix glued to an ordinary word, and placeholders.
/// </summary>
public sealed class SecretJoinedTokenTests
{
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Lines => new()
    {
        { "keys: AKIAQYLPMN5HFIQR7XYZghp_Tq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1Jf5Gs0Ay2Ke end", "AKIAQYLPMN5HFIQR7XYZghp_Tq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1Jf5Gs0Ay2Ke" },
        { "pasted AKIAQYLPMN5HFIQR7XYZxoxb-482910573621-5930184726351-Tq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1 here", "AKIAQYLPMN5HFIQR7XYZxoxb-482910573621-5930184726351-Tq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1" },
        { "next=/cb?k=AIzaSyTq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1Jf5Gs0Aynpm_Tq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1Jf5Gs0Ay2Ke3&p=1", "AIzaSyTq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1Jf5Gs0Aynpm_Tq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1Jf5Gs0Ay2Ke3" },
        { "both glpat-Tq9Lm2Vx7Rk4Zp8Wc3Nbhf_Tq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1Jf5Gs0Ay2K in one", "glpat-Tq9Lm2Vx7Rk4Zp8Wc3Nbhf_Tq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1Jf5Gs0Ay2K" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_TokenJoinedAfterAnother_CoversBoth(string line, string secret)
    {
        SecretText.ShouldCover(_detector, line, secret);
    }

    [Theory]
    [InlineData("run the nightly-task-sk-cleanup job and the mytask-sk-abcdefghijklmnopqrstuvwxyz012345 one")]
    [InlineData("the prefix list is documented in our_ghp_Tq9Lm2Vx7Rk4Zp8Wc3Nb6Hd1Jf5Gs0Ay2Ke notes")]
    [InlineData("AKIAIOSFODNN7EXAMPLEghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public void Find_PrefixGluedToAWord_FindsNothing(string line)
    {
        SecretText.Find(_detector, line).Should().BeEmpty(line);
    }
}
