using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Http.Tests;

/// <summary>
/// An attacker spells a denied host differently (an IPv6 form of an IPv4 address, upper case, a trailing dot, the
/// other IDN form). The request is decided on one canonical spelling, and so are the hosts written in rules.
/// Every request here is denied before it leaves the process, so no network is needed.
/// </summary>
public sealed class HostCanonicalisationTests
{
    private const string Policy = """
    {
      "AgentGuard": {
        "Rules": [
          { "Id": "no-metadata", "Effect": "Deny", "Match": { "Kinds": ["HttpRequest"] },
            "When": { "Arguments": [ { "Path": "$.host", "OneOf": ["169.254.169.254"] } ] } },
          { "Id": "no-evil", "Effect": "Deny", "Match": { "Sources": ["evil.example"] } },
          { "Id": "no-books-unicode", "Effect": "Deny", "Match": { "Kinds": ["HttpRequest"] },
            "When": { "Arguments": [ { "Path": "$.host", "Equals": "BÜCHER.example." } ] } },
          { "Id": "no-cafe-punycode", "Effect": "Deny", "Match": { "Kinds": ["HttpRequest"], "Tools": ["xn--caf-dma.example"] } },
          { "Id": "no-shop-mixed", "Effect": "Deny", "Match": { "Sources": ["*.bücher.xn--caf-dma.example"] } }
        ]
      }
    }
    """;

    [Theory]
    [InlineData("http://[::ffff:169.254.169.254]/latest/meta-data/", "no-metadata")]
    [InlineData("http://[::ffff:a9fe:a9fe]/latest/meta-data/", "no-metadata")]
    [InlineData("http://[0:0:0:0:0:ffff:a9fe:a9fe]/latest/meta-data/", "no-metadata")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/latest/meta-data/", "no-metadata")]
    [InlineData("http://2852039166/latest/meta-data/", "no-metadata")]
    [InlineData("http://0xa9.0xfe.0xa9.0xfe/latest/meta-data/", "no-metadata")]
    [InlineData("http://EVIL.example/x", "no-evil")]
    [InlineData("http://evil.example./x", "no-evil")]
    [InlineData("http://xn--bcher-kva.example/x", "no-books-unicode")]
    [InlineData("http://bücher.example/x", "no-books-unicode")]
    [InlineData("http://BÜCHER.EXAMPLE./x", "no-books-unicode")]
    [InlineData("http://café.example/x", "no-cafe-punycode")]
    [InlineData("http://CAFÉ.example./x", "no-cafe-punycode")]
    [InlineData("http://shop.xn--bcher-kva.café.example/x", "no-shop-mixed")]
    [InlineData("http://shop.bücher.xn--caf-dma.example/x", "no-shop-mixed")]
    public async Task SendAsync_DeniedHostSpelledAnotherWay_IsStillDenied(string url, string rule)
    {
        await using var provider = HttpTestHost.Create(Policy, (s, _) => s.AddHttpClient("api").AddAgentGuard());
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        var act = () => client.GetAsync(new Uri(url));

        (await act.Should().ThrowAsync<ToolCallDeniedException>()).Which.Decision.RuleIds.Should().Contain(rule);
    }

    [Fact]
    public async Task SendAsync_MappedAddress_EventCarriesTheIPv4Host()
    {
        var recorder = new RecordingPolicy();
        await using var provider = HttpTestHost.Create("""{ "AgentGuard": { "Rules": [ { "Id": "all", "Effect": "Deny", "Match": { "Kinds": ["HttpRequest"] } } ] } }""", (s, b) =>
        {
            b.AddPolicy(recorder);
            s.AddHttpClient("api").AddAgentGuard();
        });
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        await FluentActions.Awaiting(() => client.GetAsync(new Uri("http://[::FFFF:A9FE:A9FE]:8080/x"))).Should().ThrowAsync<ToolCallDeniedException>();
        await FluentActions.Awaiting(() => client.GetAsync(new Uri("http://Bücher.Example./x"))).Should().ThrowAsync<ToolCallDeniedException>();

        var calls = recorder.Seen.Select(s => s.Call).ToList();
        calls.Select(c => c.ToolName).Should().Equal("169.254.169.254", "xn--bcher-kva.example");
        calls.Select(c => c.Source).Should().Equal("169.254.169.254", "xn--bcher-kva.example");
        calls.Select(c => c.Arguments.Root.GetProperty("host").GetString()).Should().Equal("169.254.169.254", "xn--bcher-kva.example");
        calls.Select(c => c.Attributes!["http.host"]).Should().Equal("169.254.169.254", "xn--bcher-kva.example");
    }

    [Fact]
    public async Task SendAsync_OtherHosts_AreNotCaughtByTheCanonicalRules()
    {
        await using var server = new LoopbackServer();
        await using var provider = HttpTestHost.Create(Policy, (s, _) => s.AddHttpClient("api").AddAgentGuard());
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("api");

        (await client.GetAsync(new Uri(server.BaseAddress, "/ok"))).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        server.Count.Should().Be(1);
    }

    [Theory]
    [InlineData("b*cher-ü.example", "glob inside an internationalised label")]
    [InlineData("xn--zz9qq.example", "not valid punycode")]
    public async Task Start_RuleHostThatCannotBeCanonicalised_FailsNamingTheRule(string host, string problem)
    {
        var json = $$"""{ "AgentGuard": { "Rules": [ { "Id": "bad-host", "Effect": "Deny", "Match": { "Kinds": ["HttpRequest"], "Sources": ["{{host}}"] } } ] } }""";
        await using var provider = HttpTestHost.Create(json);

        var act = () => provider.GetRequiredService<ToolGuard>();

        act.Should().Throw<AgentGuardPolicyException>().WithMessage($"*Rules[0] (bad-host): Match.Sources*{problem}*");
    }

    [Fact]
    public async Task Start_NonHttpRule_KeepsItsValuesAndStillMatches()
    {
        var json = """{ "AgentGuard": { "Rules": [ { "Id": "fn", "Effect": "Deny", "Match": { "Kinds": ["Function"], "Tools": ["Send_Money."] } } ] } }""";
        await using var provider = HttpTestHost.Create(json);
        var engine = provider.GetRequiredService<IGuardEngine>();

        var decision = await engine.EvaluateAsync(new ToolCallEvent("send_money.", ToolKind.Function), new GuardContext());

        decision.RuleIds.Should().Equal("fn");
    }
}
