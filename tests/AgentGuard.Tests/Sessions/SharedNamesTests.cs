using AgentGuard.Policies;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Tests.Sessions;

/// <summary>
/// The store's pool of tool names. It may hand back another string only if that string is the same name: a history
/// entry that named another tool would let a sequence rule count the wrong calls. Names are drawn from a small alphabet
/// of one length, so many share a recent-name slot.
/// </summary>
public sealed class SharedNamesTests
{
    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_ITERATIONS"), out var n) ? Math.Max(200, n / 10) : 2_000;

    [Fact]
    public void Share_AlwaysAnswersTheSameName_AndOneInstancePerName_WhateverTheOrder()
    {
        // Four-character names over "ab", each call with a fresh copy or the instance handed out before.
        var names = Gen.Select(Gen.Char["ab"].Array[4], Gen.Bool).Array[1, 60];
        names.Sample(script =>
        {
            var pool = new SharedNames();
            var handedOut = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (chars, reuse) in script)
            {
                var text = new string(chars);
                var name = reuse && handedOut.TryGetValue(text, out var earlier) ? earlier : new string(chars);
                var shared = pool.Share(name);
                Assert.Equal(text, shared);
                if (handedOut.TryGetValue(text, out var first))
                {
                    Assert.Same(first, shared);
                }
                else
                {
                    handedOut[text] = shared;
                }
            }
        }, iter: Iterations);
    }

    [Fact]
    public void NamesOfOneLengthAndEnds_ThatShareASlot_KeepTheirOwnInstances()
    {
        var pool = new SharedNames();
        var first = pool.Share(new string("sxv1"));
        var second = pool.Share(new string("syv1"));
        for (var i = 0; i < 3; i++)
        {
            Assert.Same(first, pool.Share(new string("sxv1")));
            Assert.Same(second, pool.Share(new string("syv1")));
            Assert.Same(first, pool.Share(first));
            Assert.Same(second, pool.Share(second));
        }
    }

    [Fact]
    public void NamesThatShareARecentSlot_AreEachAnsweredWithTheirOwnInstance_WhicheverWasLast()
    {
        // The slot answers a name equal to the one it holds. Names differing only in a character the slot does not
        // look at take turns in it; none may ever be answered with another's instance.
        var names = Enumerable.Range(0, 8).Select(i => $"s{(char)('a' + i)}rv-tool-17").ToArray();
        names.Select(SharedNames.Slot).Distinct().Should().ContainSingle("the test needs names that share a slot");
        var pool = new SharedNames();
        var first = names.ToDictionary(name => name, name => pool.Share(new string(name)));
        for (var round = 0; round < 4; round++)
        {
            foreach (var name in round % 2 == 0 ? names : names.Reverse())
            {
                var shared = pool.Share(new string(name));
                shared.Should().Be(name);
                shared.Should().BeSameAs(first[name]);
                pool.Share(first[name]).Should().BeSameAs(first[name]);
            }
        }
    }

    [Fact]
    public void ManyCopiesOfTheSameNames_AsALargePolicysCandidateSetsHold_ShareOneInstancePerName()
    {
        var pool = new SharedNames();
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var copy = 0; copy < 3; copy++)
        {
            for (var i = 0; i < 600; i++)
            {
                var name = new string($"srv{i}");
                var shared = pool.Share(name);
                shared.Should().Be(name);
                if (!first.TryAdd(name, shared))
                {
                    shared.Should().BeSameAs(first[name]);
                }
            }
        }
    }

    [Fact]
    public void APoolAtItsCapacity_KeepsFurtherNamesAsGiven()
    {
        var pool = new SharedNames();
        for (var i = 0; i < SharedNames.Capacity; i++)
        {
            pool.Share("tool-" + i);
        }

        var late = new string("late-tool");
        Assert.Same(late, pool.Share(late));
        Assert.Equal("late-tool", pool.Share(new string("late-tool")));
    }

    [Fact]
    public async Task CallsOfOneTool_AreRecordedWithOneInstanceOfItsName_ThroughTheEngine()
    {
        await using var services = TestHost.Create("""{ "AgentGuard": { "Rules": [ { "Id": "ok", "Effect": "Allow", "Match": { "Tools": [ "*" ] } } ] } }""");
        var engine = services.GetRequiredService<IGuardEngine>();
        var context = new GuardContext { SessionId = "s" };
        await engine.EvaluateAsync(new ToolCallEvent(new string("read_file")) { Source = new string("files") }, context);
        await engine.EvaluateAsync(new ToolCallEvent(new string("read_file")) { Source = new string("files") }, context);

        var history = services.GetRequiredService<SessionStore>().Find("s")!.Snapshot().History;
        Assert.Equal(2, history.Count);
        Assert.Same(history[0].ToolName, history[1].ToolName);
        Assert.Same(history[0].Source, history[1].Source);
    }

    [Fact]
    public async Task NamesThatDifferOnlyInCase_AreRecordedAsEachCallGaveThem()
    {
        // The engine records the candidate set's instance of the name: were candidate sets ever keyed ignoring case,
        // a call of READ_FILE would be recorded as read_file and a sequence rule on the exact name would miscount.
        await using var services = TestHost.Create("""{ "AgentGuard": { "Rules": [ { "Id": "ok", "Effect": "Allow", "Match": { "Tools": [ "*" ] } } ] } }""");
        var engine = services.GetRequiredService<IGuardEngine>();
        var context = new GuardContext { SessionId = "case" };
        await engine.EvaluateAsync(new ToolCallEvent("read_file") { Source = "files" }, context);
        await engine.EvaluateAsync(new ToolCallEvent("READ_FILE") { Source = "FILES" }, context);
        await engine.EvaluateAsync(new ToolCallEvent("read_file") { Source = "files" }, context);

        var history = services.GetRequiredService<SessionStore>().Find("case")!.Snapshot().History;
        Assert.Equal(["read_file", "READ_FILE", "read_file"], history.Select(call => call.ToolName));
        Assert.Equal(["files", "FILES", "files"], history.Select(call => call.Source));
    }
}
