namespace AgentGuard.Tests.Detection;

/// <summary>
/// A quoted secret in a container's environment list written as a YAML flow mapping (<c>- {name: API_KEY, value: "…"}</c>,
/// the one-line form of <c>- name: API_KEY</c> / <c>value: …</c>; an unquoted value there is not read yet), and SonarQube's login token under its environment
/// name <c>SONAR_LOGIN</c> (as <c>sonar.login</c> already was), on one line or as an entry. Look-alikes: entries whose
/// name is no secret, a value from a secret reference or a template, a digest under a neutral name.
/// </summary>
public sealed class SecretEnvironmentEntryTests
{
    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Lines => new()
    {
        { "env:\n  - {name: API_KEY, value: \"Zx8Lm2Qr7Tk9Vb4Np3Hs6Jd\"}", "Zx8Lm2Qr7Tk9Vb4Np3Hs6Jd" },
        { "- { name: STRIPE_SECRET, value: \"Qm7rLx2Kd9Vw4T8nB4cDz5Y\" }", "Qm7rLx2Kd9Vw4T8nB4cDz5Y" },
        { "environment: [{name: DB_PASSWORD, value: 'Kq8!Lm2$Xz7Wq'}]", "Kq8!Lm2$Xz7Wq" },
        { "SONAR_LOGIN=5d2f8e1a9c4b7d3e6f0a2b8c5d1e9f4a7b3c6d2e", "5d2f8e1a9c4b7d3e6f0a2b8c5d1e9f4a7b3c6d2e" },
        { "- name: SONAR_LOGIN\n  value: 5d2f8e1a9c4b7d3e6f0a2b8c5d1e9f4a7b3c6d2e", "5d2f8e1a9c4b7d3e6f0a2b8c5d1e9f4a7b3c6d2e" },
        { "export SONAR_LOGIN=\"8c1e4a7d2f5b9e3c6a0d4f7b1e8c2a5d9f3b6e0c\"", "8c1e4a7d2f5b9e3c6a0d4f7b1e8c2a5d9f3b6e0c" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Find_SecretInAnEnvironmentEntry_CoversIt(string line, string secret)
    {
        SecretText.ShouldCover(_detector, line, secret);
    }

    [Theory]
    [InlineData("- {name: LOG_LEVEL, value: Zx8Lm2Qr7Tk9Vb4Np3Hs6Jd}")]
    [InlineData("- {name: API_KEY, value: \"${API_KEY}\"}")]
    [InlineData("- {name: API_KEY, valueFrom: {secretKeyRef: {name: api, key: key}}}")]
    [InlineData("- {name: IMAGE_DIGEST, value: 9acf34ff1e738bcd6d5daf102a8cfcb8a158e44e}")]
    [InlineData("- {name: DB_PASSWORD, value: changeme}")]
    [InlineData("SONAR_LOGIN=${SONAR_TOKEN}")]
    [InlineData("Set SONAR_LOGIN to your analysis token before running the scanner.")]
    public void Find_NotASecretEntry_FindsNothing(string line)
    {
        SecretText.Find(_detector, line).Should().BeEmpty(line);
    }
}
