using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Http.Tests;

/// <summary>
/// A request's body is data it carries out like its query: a JSON, form or text body the guard could read is in the
/// event's arguments as <c>$.body</c>, so rules (and provenance) can test its fields; a body it could not read says so
/// in <c>$.bodyUnread</c>, so that a rule on a body field cannot be stepped around by a body too large, a live stream,
/// or JSON that names a field twice. Real requests to a real loopback server; the recorded event is the engine's.
/// </summary>
public sealed class RequestBodyArgumentTests
{
    private const string NoRules = """{ "AgentGuard": { "Rules": [] } }""";

    /// <summary>A guarded client whose decisions a recording policy sees (the provider is disposed with the result).</summary>
    private static (ServiceProvider Provider, HttpClient Client, RecordingPolicy Recorder) Guarded(Action<AgentGuardHttpOptions>? http = null)
    {
        var recorder = new RecordingPolicy();
        var provider = HttpTestHost.Create(NoRules, (s, b) =>
        {
            b.AddPolicy(recorder);
            s.AddHttpClient("api").AddAgentGuard();
            if (http is not null)
            {
                s.Configure(http);
            }
        });
        return (provider, provider.GetRequiredService<IHttpClientFactory>().CreateClient("api"), recorder);
    }

    private static async Task<JsonElement> ArgumentsOf(HttpContent? content, HttpMethod? method = null, Action<AgentGuardHttpOptions>? http = null)
    {
        await using var server = new LoopbackServer();
        var (provider, client, recorder) = Guarded(http);
        await using var _ = provider;
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, new Uri(server.BaseAddress, "/payments")) { Content = content };

        using var response = await client.SendAsync(request);

        return recorder.Seen.Single().Call.Arguments.Root.Clone();
    }

    [Fact]
    public async Task JsonBody_IsTheParsedValue()
    {
        var arguments = await ArgumentsOf(JsonContent.Create(new { payee = "GB82 WEST 1234 5698 7654 32", amount = 100, lines = new[] { "rent" } }));

        arguments.GetProperty("body").GetProperty("payee").GetString().Should().Be("GB82 WEST 1234 5698 7654 32");
        arguments.GetProperty("body").GetProperty("amount").GetInt32().Should().Be(100);
        arguments.GetProperty("body").GetProperty("lines")[0].GetString().Should().Be("rent");
        arguments.GetProperty("bodyUnread").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task FormBody_IsItsFieldsAndARepeatedFieldIsAnArray()
    {
        var arguments = await ArgumentsOf(new FormUrlEncodedContent([new("destination", "acct 42+x"), new("amount", "100"), new("metadata[ref]", "a"), new("metadata[ref]", "b")]));

        var body = arguments.GetProperty("body");
        body.GetProperty("destination").GetString().Should().Be("acct 42+x");
        body.GetProperty("amount").GetString().Should().Be("100");
        body.GetProperty("metadata[ref]").EnumerateArray().Select(e => e.GetString()).Should().Equal("a", "b");
    }

    [Fact]
    public async Task TextBody_IsTheText()
    {
        var arguments = await ArgumentsOf(new StringContent("pay GB82 WEST 1234 5698 7654 32", Encoding.UTF8, "text/plain"));

        arguments.GetProperty("body").GetString().Should().Be("pay GB82 WEST 1234 5698 7654 32");
    }

    [Fact]
    public async Task JsonSentAsPlainText_IsReadAsJson()
    {
        // Many servers parse a body as JSON whatever its type says; the guard reads it as they may.
        var arguments = await ArgumentsOf(new StringContent("""{"payee":"GB82WEST12345698765432"}""", Encoding.UTF8, "text/plain"));

        arguments.GetProperty("body").GetProperty("payee").GetString().Should().Be("GB82WEST12345698765432");
    }

    [Theory]
    [InlineData("""{"payee":"DE89370400440532013000"},"bodyUnread":false,"x":{"payee":"GB82WEST12345698765432"}""")]
    [InlineData("""1,"zzz":"x" """)]
    public async Task JsonFollowedByMore_IsUnreadTextAndCannotShapeTheArguments(string text)
    {
        var arguments = await ArgumentsOf(new StringContent(text, Encoding.UTF8, "application/json"));

        arguments.GetProperty("body").GetString().Should().Be(text);
        arguments.GetProperty("bodyUnread").GetBoolean().Should().BeTrue();
        arguments.TryGetProperty("zzz", out _).Should().BeFalse();
        arguments.TryGetProperty("x", out _).Should().BeFalse();
    }

    [Fact]
    public async Task JsonNestedDeeperThanTheLimits_IsUnreadAndDecided()
    {
        var text = new string('[', 200) + new string(']', 200);

        var arguments = await ArgumentsOf(new StringContent(text, Encoding.UTF8, "application/json"));

        arguments.GetProperty("bodyUnread").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task PlainTextThatLooksLikeJsonButIsNot_IsUnread()
    {
        // A lenient server may read single quotes or a repeated name as JSON fields the guard cannot see.
        var arguments = await ArgumentsOf(new StringContent("{'payee': 'GB82WEST12345698765432'}", Encoding.UTF8, "text/plain"));

        arguments.GetProperty("bodyUnread").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task PlainText_IsNotUnread()
    {
        var arguments = await ArgumentsOf(new StringContent("[INFO pay run done", Encoding.UTF8, "text/plain"));

        arguments.GetProperty("bodyUnread").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task NoBody_IsNotUnread()
    {
        var arguments = await ArgumentsOf(content: null, HttpMethod.Get);

        arguments.TryGetProperty("body", out _).Should().BeFalse();
        arguments.GetProperty("bodyUnread").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task BodyLargerThanTheScanLimit_IsUnread()
    {
        var arguments = await ArgumentsOf(JsonContent.Create(new { payee = "GB82WEST12345698765432", pad = new string('x', 4096) }), http: o => o.MaxBodyScanBytes = 1024);

        arguments.TryGetProperty("body", out _).Should().BeFalse();
        arguments.GetProperty("bodyUnread").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task JsonNamingAFieldTwice_IsUnread()
    {
        // Servers differ on which of two "payee"s wins: the guard reads neither rather than guess.
        var arguments = await ArgumentsOf(new StringContent("""{"payee":"DE89370400440532013000","Payee":"GB82WEST12345698765432"}""", Encoding.UTF8, "application/json"));

        arguments.GetProperty("body").ValueKind.Should().Be(JsonValueKind.String, "what could not be read as fields is there as text");
        arguments.GetProperty("bodyUnread").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task JsonTypedBodyThatIsNotJson_IsUnread()
    {
        var arguments = await ArgumentsOf(new StringContent("{payee: 'GB82WEST12345698765432'}", Encoding.UTF8, "application/json"));

        arguments.GetProperty("body").GetString().Should().Be("{payee: 'GB82WEST12345698765432'}");
        arguments.GetProperty("bodyUnread").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task StreamOfUnknownLength_IsUnreadAndSentUnchanged()
    {
        await using var server = new LoopbackServer();
        var (provider, client, recorder) = Guarded();
        await using var _ = provider;
        var content = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes("""{"payee":"GB82WEST12345698765432"}""")));
        content.Headers.ContentType = new("application/json");

        using var response = await client.PostAsync(new Uri(server.BaseAddress, "/payments"), content);

        recorder.Seen.Single().Call.Arguments.Root.GetProperty("bodyUnread").GetBoolean().Should().BeTrue();
        server.Received.Single().Should().EndWith("""{"payee":"GB82WEST12345698765432"}""");
    }

    [Fact]
    public async Task BodyInArgumentsOff_BodyIsNotInTheEvent()
    {
        var arguments = await ArgumentsOf(JsonContent.Create(new { payee = "GB82WEST12345698765432" }), http: o => o.BodyInArguments = false);

        arguments.TryGetProperty("body", out _).Should().BeFalse();
        arguments.TryGetProperty("bodyUnread", out _).Should().BeFalse();
    }

    [Fact]
    public async Task TwoRequestsOfTheSameShape_EachCarriesItsOwnBody()
    {
        await using var server = new LoopbackServer();
        var (provider, client, recorder) = Guarded();
        await using var _ = provider;

        // Same method, URL, headers and body size: the parsed-arguments cache must not hand the second the first's body.
        (await client.PostAsJsonAsync(new Uri(server.BaseAddress, "/payments"), new { payee = "DE89370400440532013000" })).Dispose();
        (await client.PostAsJsonAsync(new Uri(server.BaseAddress, "/payments"), new { payee = "GB82WEST12345698765432" })).Dispose();

        recorder.Seen.Select(s => s.Call.Arguments.Root.GetProperty("body").GetProperty("payee").GetString())
            .Should().Equal("DE89370400440532013000", "GB82WEST12345698765432");
    }

    /// <summary>A body whose length nobody knows in advance, as a live upload is.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
