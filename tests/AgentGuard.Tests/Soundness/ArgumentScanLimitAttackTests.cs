using AgentGuard.Tests.Detection;

namespace AgentGuard.Tests.Soundness;

/// <summary>
/// The argument side of the same attack: a secret placed after a long run of padding in an argument the engine accepts
/// (within <c>Arguments:MaxLength</c>) must still tag the call <c>secret-in-arguments</c>.
/// </summary>
public sealed class ArgumentScanLimitAttackTests
{
    private const string Policy = """
    {
      "AgentGuard": {
        "Tools": { "send_email": { "Tags": ["external-send"] } },
        "Rules": [ { "Id": "no-secret-out", "Effect": "Deny", "Match": { "Tags": ["external-send"] }, "When": { "DataTags": ["secret-in-arguments"] } } ]
      }
    }
    """;

    private readonly SyntheticSecrets _secrets = new(seed: 2102);

    [Theory]
    [InlineData(300 * 1024)]
    [InlineData(900 * 1024)]
    public async Task SecretAfterPaddingInOneArgument_IsStillFound(int padding)
    {
        var body = string.Concat(Enumerable.Repeat("Minutes of the weekly meeting, nothing to report. ", (padding / 50) + 1)) + " key " + _secrets.Generate("aws-access-key");
        var call = TestHost.Call("send_email", System.Text.Json.JsonSerializer.Serialize(new { to = "x@example.org", body }));

        var decision = await TestHost.Engine(Policy).EvaluateAsync(call, new GuardContext());

        decision.Effect.Should().Be(DecisionEffect.Deny);
        decision.Tags.Should().Contain(DetectionTags.SecretInArguments);
    }

    [Fact]
    public async Task SecretInALaterArgument_AfterAPaddedOne_IsStillFound()
    {
        var padding = string.Concat(Enumerable.Repeat("Minutes of the weekly meeting, nothing to report. ", 6_000));
        var call = TestHost.Call("send_email", System.Text.Json.JsonSerializer.Serialize(new { to = "x@example.org", body = padding, footer = "key " + _secrets.Generate("aws-access-key") }));

        (await TestHost.Engine(Policy).EvaluateAsync(call, new GuardContext())).Effect.Should().Be(DecisionEffect.Deny);
    }

    [Fact]
    public async Task APaddedArgumentWithNoSecret_IsAllowed()
    {
        var padding = string.Concat(Enumerable.Repeat("Minutes of the weekly meeting, nothing to report. ", 6_000));
        var call = TestHost.Call("send_email", System.Text.Json.JsonSerializer.Serialize(new { to = "x@example.org", body = padding }));

        (await TestHost.Engine(Policy).EvaluateAsync(call, new GuardContext())).Effect.Should().Be(DecisionEffect.Allow);
    }
}
