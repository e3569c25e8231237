using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Tests.Sessions;

/// <summary>The session memory bounds are configuration: bad values and misspelt keys stop start, naming the key.</summary>
public sealed class SessionLimitsConfigurationTests
{
    [Theory]
    [InlineData("""{ "MaxSeenValues": 0 }""", "Sessions:MaxSeenValues", "out of range (16 to 1048576")]
    [InlineData("""{ "MaxSeenValues": 15 }""", "Sessions:MaxSeenValues", "out of range (16 to 1048576")]
    [InlineData("""{ "MaxSeenValues": 1048577 }""", "Sessions:MaxSeenValues", "out of range (16 to 1048576")]
    [InlineData("""{ "MaxSeenValues": "many" }""", "MaxSeenValues", "not a whole number")]
    [InlineData("""{ "MaxRateLimitCounters": 0 }""", "Sessions:MaxRateLimitCounters", "must be at least 1")]
    [InlineData("""{ "MaxSeenValue": 512 }""", "AgentGuard:Sessions:MaxSeenValue", "did you mean 'MaxSeenValues'")]
    public void BadSessionBound_FailsAtStart_NamingTheKey(string sessions, string key, string message)
    {
        var act = () => TestHost.Engine($$"""{ "AgentGuard": { "Sessions": {{sessions}} } }""");

        act.Should().Throw<AgentGuardPolicyException>().Which.Message.Should().Contain(key).And.Contain(message);
    }

    [Fact]
    public async Task SessionBounds_FromConfiguration_ReachTheStore()
    {
        var services = TestHost.Create("""
        { "AgentGuard": { "Sessions": { "MaxSeenValues": 32, "MaxRateLimitCounters": 7 },
          "Rules": [ { "Id": "r", "Effect": "Deny", "Match": { "Tools": ["x"] }, "When": { "RateLimit": { "Max": 3, "Per": "00:01:00" } } } ] } }
        """);
        var engine = services.GetRequiredService<IGuardEngine>();

        await engine.EvaluateAsync(TestHost.Call("x"), new GuardContext { SessionId = "s", Prompt = string.Join(' ', Enumerable.Range(0, 100).Select(i => "w" + i)) });

        var state = services.GetRequiredService<AgentGuard.Policies.SessionStore>().Find("s")!;
        state.SeenBytes.Should().BeLessThanOrEqualTo((32 * 8) + (4 * 24));
        var limits = services.GetRequiredService<PolicyProvider>().Current.SessionLimits;
        limits.Should().Be(new SessionLimits(100, TimeSpan.FromMinutes(30), 100_000) { MaxSeenValues = 32, MaxRateLimitCounters = 7, RateLimitHitsKept = 4 });
    }
}
