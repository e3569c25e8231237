using Microsoft.Extensions.Time.Testing;

namespace AgentGuard.Tests.Invocation;

public sealed class ApprovalStoreTests
{
    [Fact]
    public async Task TryClaim_Once_ThenNothing_EvenWhenTheSameRequestIsIssuedAgain()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryApprovalStore(time);
        await store.AddPendingAsync("agentguard_c1", "sha256:abc", time.GetUtcNow().AddMinutes(5), default);

        (await store.TryClaimAsync("agentguard_c1", default)).Should().Be("sha256:abc");
        (await store.TryClaimAsync("agentguard_c1", default)).Should().BeNull("a claim is single-use");

        // A replayed conversation re-issues the same request id; the replayed answer must grant nothing.
        await store.AddPendingAsync("agentguard_c1", "sha256:abc", time.GetUtcNow().AddMinutes(5), default);
        (await store.TryClaimAsync("agentguard_c1", default)).Should().BeNull();
    }

    [Fact]
    public async Task TryClaim_Expired_OrNeverIssued_Null()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryApprovalStore(time);
        await store.AddPendingAsync("agentguard_c1", "sha256:abc", time.GetUtcNow().AddMinutes(5), default);
        time.Advance(TimeSpan.FromMinutes(6));

        (await store.TryClaimAsync("agentguard_c1", default)).Should().BeNull("it expired");
        (await store.TryClaimAsync("agentguard_forged", default)).Should().BeNull();
    }
}
