namespace AgentGuard.Tests.Detection;

/// <summary>
/// PuTTY private key files (<c>.ppk</c>, format 2 and 3): a <c>PuTTY-User-Key-File-n:</c> header, the public lines, then
/// <c>Private-Lines: n</c>, the private key's base64 lines and a <c>Private-MAC:</c>. The private lines and the MAC are
/// the secret, redacted from the header to the MAC line's end. Look-alikes: documentation naming the format, a file
/// cut before its private lines, a public key alone.
/// </summary>
public sealed class SecretPuttyKeyTests
{
    private const string Body = "AAABAQCh7Zq2Lm9Xc4Vb8Tn3Hp6Jd1Fs5Gy0ArQw2xY8kLpMn3BvCx9ZsQ7rLx2Kd9Vw4T8nB4cD6f";
    private const string Body2 = "H1jS5uE0aGTr7Qw2xY8kLpMn3BvCx9ZsZq8vLm3RtY7wK2pX9nB4cD6fH1jS5uE0aGTr7Qw2x==";

    private readonly SecretDetector _detector = new();

    public static TheoryData<string> Files => new()
    {
        $"PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: deploy@build\nPublic-Lines: 2\nAAAAB3NzaC1yc2EAAAADAQABAAABAQCh7Zq2Lm9Xc4Vb8Tn3Hp6Jd1\nFs5Gy0ArQw2xY8kLpMn3BvCx9Zs\nPrivate-Lines: 2\n{Body}\n{Body2}\nPrivate-MAC: 5c1e0d3b9a7f2c4e6d8b0a1c3e5f7a9b2d4c6e8f0a1b3c5d7e9f1a2b3c4d5e6f\n",
        $"PuTTY-User-Key-File-2: ssh-ed25519\r\nEncryption: none\r\nComment: ed25519-key-20240101\r\nPublic-Lines: 1\r\nAAAAC3NzaC1lZDI1NTE5AAAAIGq0Zq2Lm9Xc4Vb8Tn3Hp6Jd1Fs5Gy0ArQw2xY8kLp\r\nPrivate-Lines: 1\r\n{Body}\r\nPrivate-MAC: 8d2a4f6c0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f\r\n",
        "{\"key\": \"PuTTY-User-Key-File-3: ssh-rsa\\nEncryption: none\\nComment: ci\\nPublic-Lines: 1\\nAAAAB3NzaC1yc2EAAAADAQABAAABAQCh7Zq2Lm9Xc4Vb8Tn3\\nPrivate-Lines: 2\\n" + Body + "\\n" + Body2 + "\\nPrivate-MAC: 5c1e0d3b9a7f2c4e6d8b0a1c3e5f7a9b2d4c6e8f0a1b3c5d7e9f1a2b3c4d5e6f\\n\"}",
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Find_PuttyPrivateKeyFile_IsRedactedWhole(string text)
    {
        var findings = SecretText.Find(_detector, text);

        var redacted = ArgumentRedactor.Replace(text, findings);

        findings.Should().NotBeEmpty();
        redacted.Should().NotContain(Body[..12]).And.NotContain(Body[^12..]).And.NotContain("Private-MAC");
        if (text.Contains(Body2, StringComparison.Ordinal))
        {
            redacted.Should().NotContain(Body2[..12]).And.NotContain(Body2[^14..]);
        }
    }

    [Theory]
    [InlineData("PuTTYgen saves keys as PuTTY-User-Key-File-3 files; the Private-Lines hold the key and Private-MAC its checksum.")]
    [InlineData("PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: deploy@build\nPublic-Lines: 1\nAAAAB3NzaC1yc2EAAAADAQABAAABAQCh7Zq2Lm9Xc4Vb8Tn3Hp6Jd1\n")]
    [InlineData("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCh7Zq2Lm9Xc4Vb8Tn3Hp6Jd1Fs5Gy0ArQw2xY8kLpMn3BvCx9Zs deploy@build")]
    [InlineData("PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nPublic-Lines: 1\nAAAAB3NzaC1yc2E\nPrivate-Lines: 1\n<your private key here>\nPrivate-MAC: <mac>\n")]
    public void Find_NotAPuttyPrivateKey_FindsNothing(string text)
    {
        SecretText.Find(_detector, text).Should().BeEmpty(text);
    }
}
