namespace AgentGuard.Redis.Tests;

/// <summary>
/// Writes go out without waiting, so a flood of decisions can queue commands faster than Redis answers them until the
/// oldest time out and are lost. How would the bound fail? By never making a decision wait, by waiting without end for
/// a Redis that does not answer, by waiting while the circuit says Redis is failing, or by throwing at a write that failed.
/// </summary>
public sealed class WritesInFlightTests
{
    private const int Limit = WritesInFlight.Stride * WritesInFlight.Checkpoints;

    [Fact]
    public async Task PastTheBound_TheNextDecisionWaits_UntilTheOldestCheckpointIsAnswered()
    {
        var bound = Bound(TimeSpan.FromSeconds(60));
        var writes = Send(bound, Limit);

        var room = bound.RoomAsync(CancellationToken.None).AsTask();
        (await FinishesWithin(room, TimeSpan.FromMilliseconds(300))).Should().BeFalse("the decision must wait for Redis to catch up");
        writes[WritesInFlight.Stride - 1].SetResult();

        (await FinishesWithin(room, TimeSpan.FromSeconds(30))).Should().BeTrue("the oldest checkpoint was answered");
        Send(bound, WritesInFlight.Stride);
        bound.RoomAsync(CancellationToken.None).IsCompletedSuccessfully.Should().BeFalse("past the bound again, and the next checkpoint is unanswered");
    }

    [Fact]
    public async Task WritesFromManyThreadsAtOnce_StillReachTheBound()
    {
        // Decisions of many sessions send writes at the same moment: none may slip past the count or the ring.
        var bound = Bound(TimeSpan.FromSeconds(60));
        var writes = new TaskCompletionSource[4][];
        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() => writes[t] = Send(bound, Limit))));

        var room = bound.RoomAsync(CancellationToken.None).AsTask();
        (await FinishesWithin(room, TimeSpan.FromMilliseconds(300))).Should().BeFalse("4 × the bound are unanswered");

        foreach (var write in writes.SelectMany(w => w))
        {
            write.SetResult();
        }

        (await FinishesWithin(room, TimeSpan.FromSeconds(30))).Should().BeTrue();
    }

    [Fact]
    public void WithinTheBound_AndForAnsweredWrites_NobodyWaits()
    {
        var bound = Bound(TimeSpan.FromSeconds(60));
        Send(bound, Limit - WritesInFlight.Stride);
        for (var i = 0; i < 10 * Limit; i++)
        {
            bound.Sent(Task.CompletedTask);
        }

        bound.RoomAsync(CancellationToken.None).IsCompletedSuccessfully.Should().BeTrue("no write was past the bound");
    }

    [Fact]
    public async Task ARedisThatNeverAnswers_DelaysTheDecisionByTheBudgetOnly()
    {
        var bound = Bound(TimeSpan.FromMilliseconds(50));
        Send(bound, Limit);

        var room = bound.RoomAsync(CancellationToken.None).AsTask();

        (await FinishesWithin(room, TimeSpan.FromSeconds(30))).Should().BeTrue("the wait is bounded by the operation budget");
        room.IsCompletedSuccessfully.Should().BeTrue("a budget spent is not an error of the decision");
    }

    [Fact]
    public void WhileTheCircuitIsOpen_NobodyWaits()
    {
        var circuit = Circuit();
        circuit.Failed();
        var bound = new WritesInFlight(circuit, TimeSpan.FromSeconds(60), TimeProvider.System);
        Send(bound, 3 * Limit);

        bound.RoomAsync(CancellationToken.None).IsCompletedSuccessfully.Should().BeTrue("an open circuit means Redis is failing: decisions must not wait for it");
    }

    [Fact]
    public async Task AnOldestWriteThatFailed_CountsAsAnswered()
    {
        var bound = Bound(TimeSpan.FromSeconds(60));
        var writes = Send(bound, Limit);
        var room = bound.RoomAsync(CancellationToken.None).AsTask();

        writes[WritesInFlight.Stride - 1].SetException(new InvalidOperationException("WRONGTYPE"));

        (await FinishesWithin(room, TimeSpan.FromSeconds(30))).Should().BeTrue();
        room.IsCompletedSuccessfully.Should().BeTrue("a failed write is counted where it was sent, never thrown at a decision");
    }

    private static WritesInFlight Bound(TimeSpan budget) => new(Circuit(), budget, TimeProvider.System);

    private static RedisCircuit Circuit() => new(breakAfter: 1, TimeSpan.FromMinutes(5), TimeProvider.System);

    private static async Task<bool> FinishesWithin(Task task, TimeSpan time)
        => await Task.WhenAny(task, Task.Delay(time)) == task;

    private static TaskCompletionSource[] Send(WritesInFlight bound, int count)
    {
        var writes = Enumerable.Range(0, count).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        foreach (var write in writes)
        {
            bound.Sent(write.Task);
        }

        return writes;
    }
}
