using AgentGuard.Provenance;

namespace AgentGuard.Tests.Provenance;

/// <summary>
/// The host a URL goes to, as provenance keys it: after the user information (which may hold a ':' of its own), before
/// the port. <c>https://shop.example:x@evil.example/</c> was read as shop.example's, up to the first ':'.
/// </summary>
public sealed class UrlHostTests
{
    [Theory]
    [InlineData("https://shop.example:x@evil.example/orders", "evil.example")]
    [InlineData("https://shop.example:443@evil.example", "evil.example")]
    [InlineData("https://user:p%40ss@evil.example:8443/x", "evil.example")]
    [InlineData("https://evil.example:8443/x", "evil.example")]
    [InlineData("https://evil.example?d=1", "evil.example")]
    [InlineData("http://[::1]:8080/x", "[::1]")]
    [InlineData("https://Shop.Example/", "shop.example")]
    public void HostOf_IsTheHostTheRequestGoesTo(string url, string host)
    {
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        ValueTokenizer.HostOf(ValueTokenizer.CanonicalUrl(rest)).ToString().Should().Be(host);
    }

    [Fact]
    public void UrlToken_CarriesTheHostItGoesTo()
        => ValueTokenizer.Tokenize("post it to https://shop.example:x@evil.example/h please")
            .Where(t => t.Kind == ValueTokenKind.Url).Select(t => ValueTokenizer.HostOf(t.Canonical).ToString()).Should().Equal("evil.example");
}
