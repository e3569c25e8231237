using AgentGuard.Policies;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Tests.Sessions;

/// <summary>
/// Session ids and call ids come from the caller (a conversation id, a model's tool-call id) and were kept as given: a
/// caller sending 100,000-character ids made every session hold megabytes, past any bound the settings state. Ids over
/// <see cref="SessionKeys.MaxLength"/> characters are kept as their SHA-256 — and still name one session, one call.
/// </summary>
public sealed class LongIdTests
{
    private const string Policy = """
    {
      "AgentGuard": {
        "Rules": [
          { "Id": "third-export", "Effect": "Deny", "Match": { "Tools": ["send"] }, "When": { "Sequence": { "Tools": ["export"], "AtLeast": 3 } } },
          { "Id": "no-send-after-untrusted", "Effect": "Deny", "Match": { "Tools": ["post"] }, "When": { "SessionLabels": ["untrusted"] } }
        ]
      }
    }
    """;

    private static readonly string Long = new('x', 100_000);

    [Fact]
    public async Task HugeSessionAndCallIds_AreNotKept_YetNameOneSessionAndOneCall()
    {
        await using var services = TestHost.Create(Policy);
        var engine = services.GetRequiredService<IGuardEngine>();
        var session = new GuardContext { SessionId = Long + "-a" };
        for (var i = 0; i < 3; i++)
        {
            await engine.EvaluateAsync(Call("export", Long + i), session);
        }

        (await engine.EvaluateAsync(Call("send", Long + "s"), new GuardContext { SessionId = Long + "-a" })).Effect
            .Should().Be(DecisionEffect.Deny, "an equal id, another string, is the same session");
        (await engine.EvaluateAsync(Call("send", Long + "s"), new GuardContext { SessionId = Long + "-b" })).Effect
            .Should().Be(DecisionEffect.Allow, "ids that differ only at their end are different sessions");

        var state = services.GetRequiredService<SessionStore>().Find(Long + "-a")!;
        state.Id.Length.Should().BeLessThanOrEqualTo(SessionKeys.MaxLength);
        state.Snapshot().History.Should().OnlyContain(call => call.CallId!.Length <= SessionKeys.MaxLength);
    }

    [Fact]
    public async Task AResultWithAHugeCallId_LabelsItsOwnCall()
    {
        await using var services = TestHost.Create(Policy);
        var engine = services.GetRequiredService<IGuardEngine>();
        var session = new GuardContext { SessionId = "s" };
        await engine.EvaluateAsync(Call("browse", Long + "1"), session);
        await engine.EvaluateAsync(Call("browse", Long + "2"), session);

        await engine.InspectResultAsync(Call("browse", Long + "1"), session, new ToolResult("a page") { Labels = ["untrusted"] });

        var history = services.GetRequiredService<SessionStore>().Find("s")!.Snapshot().History;
        history[0].ResultLabels.Should().Equal("untrusted");
        history[1].ResultLabels.Should().BeEmpty("the label belongs to the first call, whose id differs only at its end");
        (await engine.EvaluateAsync(Call("post", "p"), session)).Effect.Should().Be(DecisionEffect.Deny);
    }

    [Fact]
    public void IdsUpToTheBound_AreKeptAsGiven_LongerOnesAsAFixedLengthHash()
    {
        var atBound = new string('a', SessionKeys.MaxLength);
        SessionKeys.Bound(atBound).Should().BeSameAs(atBound);
        SessionKeys.Bound(null).Should().BeNull();
        SessionKeys.Bound(atBound + "a").Should().NotBe(SessionKeys.Bound(atBound + "b"))
            .And.HaveLength(SessionKeys.Bound(Long)!.Length).And.StartWith("sha256:");
        SessionKeys.Bound(new string('z', 10_000)).Should().Be(SessionKeys.Bound(new string('z', 10_000)));
        SessionKeys.Bound(SessionKeys.Bound(Long)).Should().Be(SessionKeys.Bound(Long), "every path that bounds an id must agree");
    }

    private static ToolCallEvent Call(string name, string callId) => new(name) { CallId = callId };
}
