namespace AgentGuard.Tests.Detection;

/// <summary>
/// Classes of the twenty-sixth session, each a syntax real configurations and logs use rather than one provider: a
/// generated token as a URL's whole user part (<c>https://&lt;key&gt;@o1.ingest.sentry.io/1</c>, a clone URL with a
/// token), the value element after a <c>&lt;name&gt;</c> element (Hadoop's and Maven's XML properties), and a
/// Kubernetes environment entry whose name ends in <c>KEY</c> at the end of its line. Values are assembled at run time,
/// so the file holds no credential-shaped literal.
/// </summary>
public sealed class SecretDetectorTwentySixthPassTests
{
    private const string Hex = "8f3c2a1b7d4e4c9ab1f23e5d6c7a8b9c";
    private const string Mixed = "Qm7Rt2Vx9Lp4Nz8Bw3Hc6Jd1Kf5Gs0Yu";

    private readonly SecretDetector _detector = new();

    public static TheoryData<string, string> Secrets => new()
    {
        // A token as the URL's user, with no password: Sentry's DSN, a clone URL, a stream URL.
        { "SENTRY_DSN=https://" + Hex + "@o450123.ingest.sentry.io/5512345", Hex },
        { "dsn: \"https://" + Hex + "@sentry.example.com/42\"", Hex },
        { "git clone https://" + Mixed + "@git.example.com/org/repo.git", Mixed },
        { "[remote \"origin\"]\n\turl = https://" + Mixed[..24] + "@gitlab.example.com/group/project.git", Mixed[..24] },
        { "connecting to wss://" + Mixed + "@stream.example.net/v1/feed", Mixed },

        // <name>…</name> then <value>…</value>: a Hadoop or Maven property.
        { "<property><name>fs.s3a.secret.key</name><value>" + Mixed + "</value></property>", Mixed },
        { "<property>\n  <name>javax.jdo.option.ConnectionPassword</name>\n  <value>" + "Xk9#mP2vQ7wL" + "</value>\n</property>", "Xk9#mP2vQ7wL" },

        // - name: …_KEY at the end of its line, value: on the next (a Kubernetes container's environment).
        { "env:\n  - name: STRIPE_API_KEY\n    value: \"" + Mixed + "\"", Mixed },
        { "- name: ENCRYPTION_KEY\r\n  value: " + Mixed[..28], Mixed[..28] },
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Find_SecretInItsSyntax_CoversIt(string text, string secret)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);
        var start = text.IndexOf(secret, StringComparison.Ordinal);

        ArgumentRedactor.RedactionSpans(text, findings).Should().Contain(f => f.Start <= start && f.Start + f.Length >= start + secret.Length);
    }

    /// <summary>Look-alikes: users, accounts and placeholders before '@', '@' past the authority, non-secret properties, references.</summary>
    [Theory]
    [InlineData("git clone ssh://git@github.com/org/repo.git")]
    [InlineData("open https://john.doe@example.com/profile")]
    [InlineData("push to https://deploy-bot-service-account@registry.example.com/v2/")]
    [InlineData("DATABASE_URL=postgres://postgres@localhost:5432/app")]
    [InlineData("see https://www.npmjs.com/package/@types/node and https://example.com/u/8f3c2a1b7d4e4c9ab1f23e5d6c7a8b9c@host")]
    [InlineData("SENTRY_DSN=https://xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx@o0.ingest.sentry.io/0")]
    [InlineData("SENTRY_DSN=https://your-public-key@o0.ingest.sentry.io/0")]
    [InlineData("SENTRY_DSN=https://<key>@sentry.io/123")]
    [InlineData("http://12345678901234567890123456@host.example.com/")]
    [InlineData("ssh://build_agent_user_2024_runner@ci.example.com")]
    [InlineData("mailto:support@example.com and https://example.com/@username_of_someone_2024")]
    [InlineData("<property><name>fs.s3a.secret.key</name><value>${env.S3_SECRET_KEY}</value></property>")]
    [InlineData("<property><name>dfs.replication</name><value>3</value></property>")]
    [InlineData("<name>hadoop.security.credential.provider.path</name><value>jceks://hdfs/user/keys.jceks</value>")]
    [InlineData("<name>ssl.server.keystore.location</name>\n<value>/etc/security/serverKeys/keystore.jks</value>")]
    [InlineData("- name: STRIPE_API_KEY\n  valueFrom:\n    secretKeyRef:\n      name: stripe\n      key: api-key")]
    [InlineData("- name: PUBLIC_KEY\n  value: Qm7Rt2Vx9Lp4Nz8Bw3Hc6Jd1Kf5Gs0Yu")]
    [InlineData("- name: API_KEY\n  value: \"\"")]
    [InlineData("- name: API_KEY\n  value: changeme")]
    [InlineData("the primary key\nvalue: the row id")]
    public void Find_LookAlike_IsNotReported(string text)
    {
        var findings = new List<SecretFinding>();
        _detector.Find(text, findings);

        findings.Should().BeEmpty();
    }
}
