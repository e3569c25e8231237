using System.Collections.Concurrent;
using System.Threading.Channels;
using ModelContextProtocol.Protocol;

namespace AgentGuard.Mcp;

/// <summary>
/// The client-facing reader of a <see cref="GuardedTransport"/>. It reads the real transport's reader and processes
/// each message inline as the client takes it, so a response reaches the client without an extra queue or thread
/// hop. Messages the guard makes itself (denials) or finishes later (an inspection that went asynchronous) are
/// delivered through a local queue that also wakes a waiting reader.
/// </summary>
internal sealed class GuardedReader(ChannelReader<JsonRpcMessage> inner, GuardedTransport owner) : ChannelReader<JsonRpcMessage>
{
    private readonly ConcurrentQueue<JsonRpcMessage> _ready = new();
    private TaskCompletionSource _signal = NewSignal();
    private int _inFlight;

    public override Task Completion => inner.Completion;

    public override bool TryRead(out JsonRpcMessage item)
    {
        if (_ready.TryDequeue(out item!))
        {
            return true;
        }

        while (inner.TryRead(out var message))
        {
            if (owner.Process(message))
            {
                item = message;
                return true;
            }

            if (_ready.TryDequeue(out item!))
            {
                return true;
            }
        }

        item = null!;
        return false;
    }

    public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
    {
        if (!_ready.IsEmpty)
        {
            return new ValueTask<bool>(true);
        }

        var wait = inner.WaitToReadAsync(cancellationToken);
        if (wait.IsCompletedSuccessfully && wait.Result)
        {
            return wait;
        }

        return WaitSlowAsync(wait, cancellationToken);
    }

    /// <summary>Queues a message for the client and wakes a waiting reader.</summary>
    public void Deliver(JsonRpcMessage message)
    {
        _ready.Enqueue(message);
        Volatile.Read(ref _signal).TrySetResult();
    }

    /// <summary>Tracks guard work started while reading (verification, late inspections) so end of stream waits for it.</summary>
    public void Track(Task work)
    {
        Interlocked.Increment(ref _inFlight);
        _ = work.ContinueWith(
            static (_, state) =>
            {
                var reader = (GuardedReader)state!;
                Interlocked.Decrement(ref reader._inFlight);
                Volatile.Read(ref reader._signal).TrySetResult();
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async ValueTask<bool> WaitSlowAsync(ValueTask<bool> wait, CancellationToken cancellationToken)
    {
        var innerWait = wait.AsTask();
        while (true)
        {
            var signal = Volatile.Read(ref _signal);
            if (signal.Task.IsCompleted)
            {
                Interlocked.CompareExchange(ref _signal, NewSignal(), signal);
                continue;
            }

            if (!_ready.IsEmpty)
            {
                return true;
            }

            if (innerWait.IsCompleted)
            {
                if (await innerWait.ConfigureAwait(false))
                {
                    return true;
                }

                // The server side is finished: deliver what the guard still owes, then report the end.
                if (Volatile.Read(ref _inFlight) == 0)
                {
                    return !_ready.IsEmpty;
                }

                await signal.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            await Task.WhenAny(innerWait, signal.Task).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
