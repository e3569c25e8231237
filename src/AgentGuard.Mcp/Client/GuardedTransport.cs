using System.Collections.Concurrent;
using System.Threading.Channels;
using ModelContextProtocol.Protocol;

namespace AgentGuard.Mcp;

/// <summary>
/// An <see cref="ITransport"/> decorator between the SDK client and the real transport. Every <c>tools/call</c> the
/// client sends (<c>CallToolAsync</c>, <c>McpClientTool</c>, a raw <c>SendRequestAsync</c>) is decided before it
/// leaves; a denied call is answered locally with an error result and never reaches the server. Every
/// <c>tools/list</c> response is verified and filtered before the client sees it, and every call result passes the
/// result hook. Built only on the SDK's stable public transport interfaces.
/// </summary>
internal sealed class GuardedTransport : ITransport
{
    private readonly ITransport _inner;
    private readonly McpToolGate _gate;
    private readonly Channel<JsonRpcMessage> _incoming = Channel.CreateUnbounded<JsonRpcMessage>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private readonly ConcurrentDictionary<RequestId, PendingRequest> _pending = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _pump;

    public GuardedTransport(ITransport inner, McpToolGate gate)
    {
        _inner = inner;
        _gate = gate;
        _pump = Task.Run(PumpAsync);
    }

    public string? SessionId => _inner.SessionId;

    public ChannelReader<JsonRpcMessage> MessageReader => _incoming.Reader;

    public async Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is JsonRpcRequest request)
        {
            if (request.Method == RequestMethods.ToolsCall)
            {
                var (call, context, denial) = await _gate.AuthorizeAsync(request, cancellationToken).ConfigureAwait(false);
                if (denial is not null)
                {
                    await _incoming.Writer.WriteAsync(denial, cancellationToken).ConfigureAwait(false);
                    return;
                }

                _pending[request.Id] = new PendingRequest(context, call);
            }
            else if (request.Method == RequestMethods.ToolsList)
            {
                _pending[request.Id] = new PendingRequest(_gate.ResolveContext(), null);
            }
        }

        try
        {
            await _inner.SendMessageAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (message is JsonRpcRequest sent)
            {
                _pending.TryRemove(sent.Id, out _);
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _inner.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _pump.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _stopping.Dispose();
    }

    private async Task PumpAsync()
    {
        var reader = _inner.MessageReader;
        var writer = _incoming.Writer;
        Exception? failure = null;
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                while (reader.TryRead(out var message))
                {
                    if (message is JsonRpcMessageWithId withId and (JsonRpcResponse or JsonRpcError) && _pending.TryRemove(withId.Id, out var pending)
                        && message is JsonRpcResponse response)
                    {
                        if (pending.IsList)
                        {
                            _gate.FilterList(response.Result, pending.Context);
                        }
                        else
                        {
                            await _gate.InspectAsync(response, pending.Call!, pending.Context, _stopping.Token).ConfigureAwait(false);
                        }
                    }

                    await writer.WriteAsync(message, _stopping.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Disposed.
        }
#pragma warning disable CA1031 // The failure is handed to the client through the channel, as the inner transport would.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failure = ex;
        }
        finally
        {
            writer.TryComplete(failure);
        }
    }
}
