using System.Text;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Tests.Detection;

/// <summary>
/// A secret never reaches the audit text: not as a property name, not percent- or base64-encoded, not as the tail of a
/// long token; and the host's redactor (erase or HMAC) decides what stands in its place.
/// </summary>
public sealed class SecretRedactionTests
{
    // Built at run time so no credential-shaped literal sits in the repository.
    private static readonly string GitHubToken = "ghp_" + new string('x', 0) + "R8tK2mZq7LwV4nPa9sXe3YbJ6cHd1FgUo5Ti";

    private readonly ArgumentRedactor _redactor = new([new SecretDetector()]);

    [Fact]
    public void Redact_SecretAsPropertyName_IsRedacted()
    {
        var audited = _redactor.Redact(ToolArguments.FromJson("{\"" + GitHubToken + "\": true}"), []);

        audited.Should().NotContain(GitHubToken[4..20]).And.Contain("[REDACTED:github-token]");
    }

    [Fact]
    public void Redact_PercentEncodedSecret_IsRedactedWhole()
    {
        var encoded = Uri.EscapeDataString("token=" + GitHubToken).Replace("_", "%5F", StringComparison.Ordinal);
        var audited = _redactor.Redact(ToolArguments.FromJson("{\"url\": \"https://api.example.com/cb?state=" + encoded + "\"}"), []);

        audited.Should().NotContain(GitHubToken[4..20]).And.Contain("[REDACTED:");
    }

    [Fact]
    public void Redact_Base64EncodedSecret_IsRedactedWhole()
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"auth\":\"" + GitHubToken + "\"}"));
        var audited = _redactor.Redact(ToolArguments.FromJson("{\"blob\": \"" + encoded + "\"}"), []);

        audited.Should().NotContain(encoded[..24]).And.Contain("[REDACTED:base64-");
    }

    [Fact]
    public void Redact_HexEncodedSecret_IsRedacted()
    {
        var encoded = Convert.ToHexStringLower(Encoding.UTF8.GetBytes("token=" + GitHubToken));
        var audited = _redactor.Redact(ToolArguments.FromJson("{\"url\": \"https://collect.example/c?d=" + encoded + "\"}"), []);

        audited.Should().NotContain(encoded[..24]).And.Contain("[REDACTED:hex-").And.Contain("https://collect.example/c?d=");
    }

    [Theory]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "a SHA-256 digest")]
    [InlineData("54686520717569636b2062726f776e20666f78206a756d7073206f76657220746865206c617a7920646f67", "plain text in hex")]
    public void Redact_HexWithoutASecret_IsKept(string hex, string because)
        => _redactor.Redact(ToolArguments.FromJson("{\"id\": \"" + hex + "\"}"), []).Should().Contain(hex, because);

    [Theory]
    [InlineData(600)]
    [InlineData(2_000)]
    public void Redact_TokenLongerThanTheValueLimit_LeavesNoFragment(int length)
    {
        var random = new Random(14);
        var token = new string([.. Enumerable.Range(0, length).Select(_ => "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"[random.Next(56)])]);
        var audited = _redactor.Redact(ToolArguments.FromJson("{\"command\": \"deploy --api-key=" + token + " --region eu\"}"), []);

        audited.Should().NotContain(token[^16..]).And.NotContain(token[..16]).And.Contain("--region eu");
    }

    [Fact]
    public void Replace_SecretCutByTheScanLimit_RedactsItsTail()
    {
        var text = "log line\nAuthorization: Bearer " + GitHubToken + "\nmore";
        var limit = text.IndexOf(GitHubToken, StringComparison.Ordinal) + 10;
        var scanned = ArgumentRedactor.ToTokenEnd(text, limit);
        var findings = new List<SecretFinding>();
        new SecretDetector().Find(scanned, findings);

        var redacted = ArgumentRedactor.Replace(text, scanned.Length, findings);

        scanned.Should().EndWith(GitHubToken);
        redacted.Should().NotContain(GitHubToken[4..]).And.EndWith("\nmore");
    }

    [Fact]
    public void Redact_WithHmacRedactor_WritesTheHmacNotTheSecret()
    {
        using var provider = new ServiceCollection()
            .AddRedaction(r => r.SetHmacRedactor(o => { o.Key = Convert.ToBase64String(new byte[32]); o.KeyId = 14; }, AgentGuardClassifications.Secret))
            .BuildServiceProvider();
        var redactor = new ArgumentRedactor([new SecretDetector()], provider.GetRequiredService<IRedactorProvider>());

        var audited = redactor.Redact(ToolArguments.FromJson("{\"note\": \"use " + GitHubToken + " here\"}"), []);

        audited.Should().NotContain(GitHubToken[4..20]).And.MatchRegex(@"\[REDACTED:github-token:14:[^\]]+\]");
    }

    [Fact]
    public void Redact_WithAPassThroughRedactor_StillRemovesTheSecret()
    {
        using var provider = new ServiceCollection()
            .AddRedaction(r => r.SetRedactor<NullRedactor>(AgentGuardClassifications.Secret))
            .BuildServiceProvider();
        var redactor = new ArgumentRedactor([new SecretDetector()], provider.GetRequiredService<IRedactorProvider>());

        var audited = redactor.Redact(ToolArguments.FromJson("{\"note\": \"use " + GitHubToken + " here\"}"), []);

        audited.Should().NotContain(GitHubToken[4..20]).And.Contain("[REDACTED:github-token]");
    }

    [Fact]
    public void AddAgentGuard_WithRedaction_UsesTheHostRedactorForAudit()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddRedaction(r => r.SetHmacRedactor(o => { o.Key = Convert.ToBase64String(new byte[32]); o.KeyId = 7; }, AgentGuardClassifications.Secret));
        services.AddAgentGuard(_ => { });
        using var provider = services.BuildServiceProvider();

        var audited = provider.GetRequiredService<ArgumentRedactor>().Redact(ToolArguments.FromJson("{\"note\": \"" + GitHubToken + "\"}"), []);

        audited.Should().MatchRegex(@"\[REDACTED:github-token:7:[^\]]+\]");
    }
}
