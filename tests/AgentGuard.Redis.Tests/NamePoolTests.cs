using System.Text;

namespace AgentGuard.Redis.Tests;

/// <summary>The per-replica pool of names read back from history: shared when seen before, bounded when a model invents names.</summary>
public sealed class NamePoolTests
{
    [Fact]
    public void NameSeenBefore_IsTheSameInstance()
    {
        var pool = new NamePool();
        var first = pool.Name("send_email"u8);
        var second = pool.Name("send_email"u8);

        second.Should().Be("send_email");
        ReferenceEquals(first, second).Should().BeTrue();
    }

    [Fact]
    public void FloodOfInventedNames_PoolStopsKeeping_NamesStillDecodedExactly()
    {
        var pool = new NamePool();
        for (var i = 0; i < NamePool.Capacity; i++)
        {
            pool.Name(Encoding.UTF8.GetBytes("tool_" + i));
        }

        var late = pool.Name("invented_after_the_flood"u8);
        var again = pool.Name("invented_after_the_flood"u8);

        again.Should().Be("invented_after_the_flood");
        ReferenceEquals(late, again).Should().BeFalse("a full pool keeps no further names");
        ReferenceEquals(pool.Name("tool_7"u8), pool.Name("tool_7"u8)).Should().BeTrue("names kept before it filled stay shared");
    }

    [Fact]
    public void TagListsCountAgainstTheSameBound()
    {
        var pool = new NamePool();
        for (var i = 0; i < NamePool.Capacity; i++)
        {
            pool.List(Encoding.UTF8.GetBytes("tag_" + i + ",x"), (byte)',');
        }

        var late = pool.List("export,pii"u8, (byte)',');
        late.Should().Equal("export", "pii");
        ReferenceEquals(late, pool.List("export,pii"u8, (byte)',')).Should().BeFalse();
    }
}
