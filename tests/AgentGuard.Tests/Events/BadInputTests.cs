using System.Diagnostics;

namespace AgentGuard.Tests.Events;

/// <summary>Malformed or huge arguments get a decision in bounded time; misuse gets an ArgumentException naming the problem.</summary>
public sealed class BadInputTests
{
    private const string Policy = """{ "AgentGuard": { "Tools": { "delete_*": { "Tags": ["destructive"] } }, "Rules": [] } }""";

    [Fact]
    public async Task EvaluateAsync_ArgumentsNotJson_FailSafeDecision()
    {
        var engine = TestHost.Engine(Policy);

        var risky = await engine.EvaluateAsync(TestHost.Call("delete_file", "{ path: /etc/passwd"), GuardContext.Empty);
        var harmless = await engine.EvaluateAsync(TestHost.Call("get_time", "not json at all"), GuardContext.Empty);

        risky.Effect.Should().Be(DecisionEffect.Deny);
        risky.IsFailure.Should().BeTrue();
        risky.RuleIds.Should().Equal("agentguard:malformed-arguments");
        harmless.Effect.Should().Be(DecisionEffect.Allow);
        harmless.Alert.Should().BeTrue();
    }

    [Fact]
    public async Task EvaluateAsync_Nested10000Deep_DecidedQuickly()
    {
        var json = new string('[', 10_000) + new string(']', 10_000);
        var engine = TestHost.Engine(Policy);
        var watch = Stopwatch.StartNew();

        var arguments = ToolArguments.FromJson(json);
        var decision = await engine.EvaluateAsync(new ToolCallEvent("delete_file") { Arguments = arguments }, GuardContext.Empty);

        arguments.IsMalformed.Should().BeTrue();
        arguments.Error.Should().Contain("not valid JSON within the limits");
        decision.Effect.Should().Be(DecisionEffect.Deny);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void FromJson_50MegabyteArguments_RejectedBeforeParsing()
    {
        var json = "{\"blob\":\"" + new string('x', 50 * 1024 * 1024) + "\"}";

        var arguments = ToolArguments.FromJson(json);

        arguments.IsMalformed.Should().BeTrue();
        arguments.Error.Should().StartWith("arguments are 52428811 characters, more than the limit of 1048576");
    }

    [Fact]
    public void FromPairs_HugeValue_BoundedAndMalformed()
    {
        var arguments = ToolArguments.FromPairs([new("blob", new string('x', 5 * 1024 * 1024))]);

        arguments.IsMalformed.Should().BeTrue();
        arguments.Error.Should().Contain("larger than the limit");
    }

    [Fact]
    public void FromPairs_CyclicGraph_StopsAtDepthLimit()
    {
        var cycle = new Dictionary<string, object?>();
        cycle["self"] = cycle;

        var arguments = ToolArguments.FromPairs([new("root", cycle)]);

        arguments.IsMalformed.Should().BeTrue();
        arguments.Error.Should().Contain("nest deeper than the limit of 64");
    }

    [Fact]
    public void FromPairs_CommonValues_BecomeJson()
    {
        var arguments = ToolArguments.FromPairs([
            new("text", "hi"), new("n", 42), new("d", 1.5), new("flag", true), new("none", null),
            new("list", new[] { 1, 2 }), new("map", new Dictionary<string, object?> { ["k"] = "v" }),
            new("kind", ToolKind.McpTool)]);

        arguments.ToString().Should().Be("""{"text":"hi","n":42,"d":1.5,"flag":true,"none":null,"list":[1,2],"map":{"k":"v"},"kind":"McpTool"}""");
    }

    [Fact]
    public void FromPairs_NonAsciiText_RoundTripsAndLengthCountsCharacters()
    {
        var arguments = ToolArguments.FromPairs([new("city", "Zürich ✓ 東京"), new("emoji", "😀")]);

        arguments.IsMalformed.Should().BeFalse();
        arguments.Root.GetProperty("city").GetString().Should().Be("Zürich ✓ 東京");
        arguments.Root.GetProperty("emoji").GetString().Should().Be("😀");
        arguments.Length.Should().Be(arguments.ToString().Length);
        ToolArguments.FromJson(arguments.ToString()).Length.Should().Be(arguments.Length);
    }

    [Fact]
    public void FromPairs_TextOverCharacterLimit_MalformedNamingCharacters()
    {
        var limits = new ToolArgumentLimits { MaxLength = 1000 };
        var pairs = Enumerable.Range(0, 100).Select(i => new KeyValuePair<string, object?>("k" + i, "xxxxx")).ToArray();
        var length = ToolArguments.FromPairs(pairs).Length;

        var arguments = ToolArguments.FromPairs(pairs, limits);

        length.Should().BeGreaterThan(1000);
        arguments.IsMalformed.Should().BeTrue();
        arguments.Error.Should().Be($"arguments are {length} characters, more than the limit of 1000");
        arguments.Length.Should().Be(length);
    }

    [Fact]
    public async Task EvaluateAsync_NullEventOrContext_ArgumentNullException()
    {
        var engine = TestHost.Engine(Policy);

        await FluentActions.Awaiting(async () => await engine.EvaluateAsync(null!, GuardContext.Empty)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("toolCall");
        await FluentActions.Awaiting(async () => await engine.EvaluateAsync(TestHost.Call("x"), null!)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("context");
    }

    [Fact]
    public void ToolCallEvent_EmptyName_ArgumentException()
    {
        var act = () => new ToolCallEvent(" ");

        act.Should().Throw<ArgumentException>().WithParameterName("toolName");
    }
}
