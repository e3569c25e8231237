namespace AgentGuard.Tests.Detection;

/// <summary>
/// Provider credentials the catalogue lacked (thirty-fifth pass): Alchemy endpoints (<c>…alchemyapi.io/v2/&lt;key&gt;</c>,
/// <c>…g.alchemy.com/v2/&lt;key&gt;</c>, the key in the path, the whole URL redacted as Infura's is), Zapier catch hooks
/// (<c>hooks.zapier.com/hooks/catch/&lt;account&gt;/&lt;hook&gt;/</c>: anyone holding the URL can post to the workflow) and
/// Razorpay key ids (<c>rzp_live_</c>/<c>rzp_test_</c> and 14 letters and digits). Look-alikes: the hosts without a
/// key, documentation placeholders, a hook path without the account number, a Razorpay prefix on an identifier, a
/// body of another length.
/// </summary>
public sealed class SecretProviderEndpointTests
{
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Lines => new()
    {
        { "const url = \"https://eth-mainnet.alchemyapi.io/v2/Rk7qWz2Lm9Xc4Vb8Tn3Hp6Jd1Fs5Gy0A\";", "Rk7qWz2Lm9Xc4Vb8Tn3Hp6Jd1Fs5Gy0A" },
        { "RPC_URL=https://eth-sepolia.g.alchemy.com/v2/Nq4Zk8Wr2Tm6Xl0Vb3Hp7Dj_Gs5Cy9Fe", "Nq4Zk8Wr2Tm6Xl0Vb3Hp7Dj_Gs5Cy9Fe" },
        { "provider = Web3(Web3.HTTPProvider('https://polygon-mainnet.g.alchemy.com/v2/Hx8Tb2Mq6Wz0Kr4Pd9Ls3Vn7Cj1Gy5Fa'))", "Hx8Tb2Mq6Wz0Kr4Pd9Ls3Vn7Cj1Gy5Fa" },
        { "ZAP_HOOK=https://hooks.zapier.com/hooks/catch/48213977/b7kq2wz/", "48213977/b7kq2wz" },
        { "requests.post('https://hooks.zapier.com/hooks/catch/7730412/3xv9tq/', json=payload)", "7730412/3xv9tq" },
        { "RAZORPAY_KEY_ID=rzp_live_Qm7rLx2Kd9Vw4T", "rzp_live_Qm7rLx2Kd9Vw4T" },
        { "key_id: \"rzp_test_Zk4Nq8Rw2Lm6Xt\"", "rzp_test_Zk4Nq8Rw2Lm6Xt" },
        { "client = razorpay.Client(auth=(\"rzp_live_Hx8Tb2Mq6Wz0Kr\", secret))", "rzp_live_Hx8Tb2Mq6Wz0Kr" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_ProviderEndpointOrKeyId_CoversAllOfIt(string line, string secret)
    {
        SecretText.ShouldCover(_detector, line, secret);
    }

    [Theory]
    [InlineData("See https://docs.alchemy.com/reference/api-overview for the endpoints.")]
    [InlineData("RPC_URL=https://eth-mainnet.g.alchemy.com/v2/")]
    [InlineData("RPC_URL=https://eth-mainnet.g.alchemy.com/v2/YOUR_API_KEY")]
    [InlineData("RPC_URL=https://eth-mainnet.g.alchemy.com/v2/<your-api-key>")]
    [InlineData("Zapier docs: https://hooks.zapier.com/hooks/catch/ then your account id and hook id.")]
    [InlineData("https://hooks.zapier.com/hooks/catch/123456/abcdef/")]
    [InlineData("https://hooks.zapier.com/hooks/catch/xxxxxxx/xxxxxx/")]
    [InlineData("def rzp_live_payment_capture_handler(self):")]
    [InlineData("RAZORPAY_KEY_ID=rzp_live_XXXXXXXXXXXXXX")]
    [InlineData("RAZORPAY_KEY_ID=rzp_live_")]
    public void Find_NotAProviderCredential_FindsNothing(string line)
    {
        SecretText.Find(_detector, line).Should().BeEmpty(line);
    }
}
