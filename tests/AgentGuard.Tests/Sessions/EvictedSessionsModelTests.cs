using AgentGuard.Policies;
using AgentGuard.Provenance;
using CsCheck;

namespace AgentGuard.Tests.Sessions;

/// <summary>
/// The evicted-session memory (one table, a forgetting order per kind, stale keys dropped as the orders turn) against a
/// plain model: two lists, labelled and clean, each cut to the capacity from its oldest end. Whatever the sequence of
/// evictions and returns, a returning session gets exactly what the model remembers, and the memory stays bounded.
/// </summary>
public sealed class EvictedSessionsModelTests
{
    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_ITERATIONS"), out var n) ? Math.Max(200, n / 10) : 2_000;

    [Fact]
    public void Recall_MatchesTwoListsCutToTheCapacity_WhateverTheOrderOfEvictionsAndReturns()
        => CheckAgainstTheModel(ids: 8, maxCapacity: 4, maxSteps: 60, Iterations);

    /// <summary>Many sessions: the table grows several times and removals shift runs of entries that wrap around its end.</summary>
    [Fact]
    public void Recall_ManySessions_MatchesTheModel_AsTheTableGrowsAndRemovalsShiftEntries()
        => CheckAgainstTheModel(ids: 300, maxCapacity: 120, maxSteps: 3_000, Math.Max(20, Iterations / 50));

    private static void CheckAgainstTheModel(int ids, int maxCapacity, int maxSteps, long iterations)
    {
        // A step: evict a session id with labels (1) or without (0), or recall it (2).
        var step = Gen.Select(Gen.Int[0, ids - 1], Gen.Int[0, 2], (id, kind) => (Id: "s" + id, Kind: kind));
        Gen.Select(Gen.Int[1, maxCapacity], step.Array[0, maxSteps]).Sample((capacity, steps) =>
        {
            var evicted = new EvictedSessions(SeenValueHasher.CreateRandom());
            var labelled = new List<(string Id, string[] Labels)>();
            var clean = new List<(string Id, string[] Labels)>();
            var n = 0;
            foreach (var (id, kind) in steps)
            {
                if (kind == 2)
                {
                    var expected = Take(labelled, id) ?? Take(clean, id);
                    var actual = evicted.Recall(id);
                    if (expected is null)
                    {
                        actual.Should().BeNull($"{id} is not remembered");
                    }
                    else
                    {
                        actual.Should().Equal(expected);
                    }

                    continue;
                }

                string[] labels = kind == 1 ? ["l" + n++] : [];
                evicted.Remember(id, labels, capacity);
                Take(labelled, id);
                Take(clean, id);
                var order = labels.Length > 0 ? labelled : clean;
                order.Add((id, labels));
                if (order.Count > capacity)
                {
                    order.RemoveAt(0);
                }

                evicted.Count.Should().Be(labelled.Count + clean.Count);
                evicted.QueuedKeys.Should().BeLessThanOrEqualTo(2 * (2 * capacity), "each order holds at most twice the capacity");
            }
        }, iter: iterations);

        static string[]? Take(List<(string Id, string[] Labels)> list, string id)
        {
            var at = list.FindIndex(e => e.Id == id);
            if (at < 0)
            {
                return null;
            }

            var labels = list[at].Labels;
            list.RemoveAt(at);
            return labels;
        }
    }
}
