namespace AgentGuard.Tests.Detection;

/// <summary>
/// Salesforce connected-app consumer keys: <c>3MVG</c> and some 80 letters, digits, <c>.</c> and <c>_</c>
/// (thirty-fifth pass; a credsweeper tuning miss under a name the key-name rules do not read, <c>t_client_id:</c>).
/// Look-alikes: the prefix inside a word, a short run after it, a mask.
/// </summary>
public sealed class SecretSalesforceConsumerKeyTests
{
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Lines => new()
    {
        { "sf_client_id: 3MVGk7Qw2Lm9Xc4Vb8Tn3Hp6Jd1Fs5Gy0Ar.Zk4Nq8Rw2Lm6Xt0Vb3Hp7Dj_Gs5Cy9FeHx8Tb2Mq6Wz0K", "3MVGk7Qw2Lm9Xc4Vb8Tn3Hp6Jd1Fs5Gy0Ar.Zk4Nq8Rw2Lm6Xt0Vb3Hp7Dj_Gs5Cy9FeHx8Tb2Mq6Wz0K" },
        { "consumer = \"3MVGNq4Zk8Wr2Tm6Xl0Vb3Hp7Dj1Gs5Cy9FeHx8Tb2Mq6Wz0KGy5Fa.Rk7qWz2Lm9Xc4Vb8Tn3Hp6\";", "3MVGNq4Zk8Wr2Tm6Xl0Vb3Hp7Dj1Gs5Cy9FeHx8Tb2Mq6Wz0KGy5Fa.Rk7qWz2Lm9Xc4Vb8Tn3Hp6" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_ConsumerKey_CoversAllOfIt(string line, string secret)
    {
        SecretText.ShouldCover(_detector, line, secret);
    }

    [Theory]
    [InlineData("Connected app consumer keys start with 3MVG and run to about 85 characters.")]
    [InlineData("part 3MVGk7Qw2Lm9Xc4Vb8Tn3")]
    [InlineData("x13MVGk7Qw2Lm9Xc4Vb8Tn3Hp6Jd1Fs5Gy0Ar.Zk4Nq8Rw2Lm6Xt0Vb3Hp7Dj_Gs5Cy9FeHx8Tb2Mq6Wz0K")]
    [InlineData("SF_CONSUMER_KEY=3MVGXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")]
    public void Find_NotAConsumerKey_FindsNothing(string line)
    {
        SecretText.Find(_detector, line).Should().BeEmpty(line);
    }
}
