using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ModelContextProtocol.Protocol;

namespace AgentGuard.Mcp;

/// <summary>
/// An <see cref="ITransport"/> decorator between the SDK client and the real transport. Every <c>tools/call</c> the
/// client sends (<c>CallToolAsync</c>, <c>McpClientTool</c>, a raw <c>SendRequestAsync</c>) is decided before it
/// leaves; a denied call is answered locally with an error result and never reaches the server. So is every
/// <c>resources/read</c> and <c>prompts/get</c> (a denied one is answered with a JSON-RPC error), and their answers pass
/// the result hook; and every request for input the server makes of the user (<c>elicitation/create</c>, inside a
/// result that requires input or as a request of its own), which, refused, never reaches the user. Every
/// <c>tools/list</c> response is verified and filtered before the client sees it, and every call result (a JSON-RPC
/// error answering a call too) passes the result hook. After the handshake, and whenever the server says its tools changed, the guard lists the tools
/// itself, so definitions are verified and annotations known even for a client that never lists.
/// Built only on the SDK's stable public transport interfaces.
/// </summary>
internal sealed class GuardedTransport : ITransport
{
    private static readonly TimeSpan VerificationWait = TimeSpan.FromSeconds(10);
    private readonly ITransport _inner;
    private readonly McpToolGate _gate;
    private readonly Channel<JsonRpcMessage> _incoming = Channel.CreateUnbounded<JsonRpcMessage>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private readonly ConcurrentDictionary<RequestId, PendingRequest> _pending = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _pump;
    private TaskCompletionSource? _verifying;
    private JsonNode? _requestMeta;
    private int _internalRequests;

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
                await WaitForVerificationAsync(cancellationToken).ConfigureAwait(false);
                var (call, context, denial) = await _gate.AuthorizeAsync(request, cancellationToken).ConfigureAwait(false);
                if (denial is not null)
                {
                    await _incoming.Writer.WriteAsync(denial, cancellationToken).ConfigureAwait(false);
                    return;
                }

                _pending[request.Id] = new PendingRequest(PendingKind.Call, context, call);
            }
            else if (request.Method is RequestMethods.ResourcesRead or RequestMethods.PromptsGet)
            {
                var (read, context, denial) = await _gate.AuthorizeReadAsync(request, cancellationToken).ConfigureAwait(false);
                if (denial is not null)
                {
                    await _incoming.Writer.WriteAsync(denial, cancellationToken).ConfigureAwait(false);
                    return;
                }

                _pending[request.Id] = new PendingRequest(PendingKind.Read, context, read);
            }
            else if (request.Method is RequestMethods.ResourcesList or RequestMethods.ResourcesTemplatesList or RequestMethods.PromptsList)
            {
                _pending[request.Id] = new PendingRequest(PendingKind.ReadableList, GuardContext.Empty);
            }
            else if (request.Method == RequestMethods.ToolsList)
            {
                _pending[request.Id] = new PendingRequest(PendingKind.List, _gate.ResolveContext());
            }
            else if (request.Method == RequestMethods.ServerDiscover)
            {
                // Stateless revisions carry protocol facts in each request's _meta; the guard's own listing reuses them.
                Volatile.Write(ref _requestMeta, request.Params?["_meta"]);
                _pending[request.Id] = new PendingRequest(PendingKind.Discover, GuardContext.Empty);
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

        if (message is JsonRpcNotification { Method: NotificationMethods.InitializedNotification })
        {
            await StartVerificationAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (message is JsonRpcNotification { Method: NotificationMethods.CancelledNotification } cancelled)
        {
            ForgetCancelled(cancelled);
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

        Volatile.Read(ref _verifying)?.TrySetResult();
        _stopping.Dispose();
    }

    /// <summary>A cancelled request gets no response: stop waiting for one.</summary>
    private void ForgetCancelled(JsonRpcNotification cancelled)
    {
        var id = cancelled.Params?["requestId"] as JsonValue;
        if (id is null)
        {
            return;
        }

        var requestId = id.GetValueKind() switch
        {
            JsonValueKind.String => new RequestId(id.GetValue<string>()),
            JsonValueKind.Number when id.TryGetValue<long>(out var number) => new RequestId(number),
            _ => default,
        };
        if (requestId.Id is not null && _pending.TryGetValue(requestId, out var pending) && pending.Kind is PendingKind.Call or PendingKind.List or PendingKind.Read or PendingKind.ReadableList)
        {
            _pending.TryRemove(requestId, out _);
        }
    }

    private async ValueTask WaitForVerificationAsync(CancellationToken cancellationToken)
    {
        if (_gate.ExpiresAt is { } expires && System.Diagnostics.Stopwatch.GetTimestamp() >= expires && Volatile.Read(ref _verifying) is { Task.IsCompleted: true } && _gate.PinsTools)
        {
            // The server's listing may no longer be cached (ttlMs): verify the pinned definitions again before a call
            // runs. Servers without pins are not re-listed (a ttlMs of 0 would otherwise cost a listing per call).
            var round = NewRound();
            await SendInternalListAsync(null, round, cancellationToken).ConfigureAwait(false);
        }

        if (Volatile.Read(ref _verifying) is { Task.IsCompleted: false } verifying)
        {
            try
            {
                await verifying.Task.WaitAsync(VerificationWait, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Decide with what is known (unverified pinned tools are denied, the rest go to the engine); do not wait again.
                verifying.TrySetResult();
            }
        }
    }

    private async Task StartVerificationAsync(CancellationToken cancellationToken)
        => await SendInternalListAsync(null, NewRound(), cancellationToken).ConfigureAwait(false);

    /// <summary>A new verification round: calls wait for it, and pinned tools count as unverified until it lists them.</summary>
    private TaskCompletionSource NewRound()
    {
        var round = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _gate.BeginRound();
        Volatile.Write(ref _verifying, round);
        return round;
    }

    private async Task SendInternalListAsync(string? cursor, TaskCompletionSource round, CancellationToken cancellationToken)
    {
        var id = new RequestId("agentguard-tools-" + Interlocked.Increment(ref _internalRequests).ToString(CultureInfo.InvariantCulture));
        _pending[id] = new PendingRequest(PendingKind.InternalList, GuardContext.Empty, Round: round);
        JsonObject? parameters = null;
        if (cursor is not null || Volatile.Read(ref _requestMeta) is not null)
        {
            parameters = [];
            if (cursor is not null)
            {
                parameters["cursor"] = cursor;
            }

            if (Volatile.Read(ref _requestMeta) is { } meta)
            {
                parameters["_meta"] = meta.DeepClone();
            }
        }

        try
        {
            await _inner.SendMessageAsync(new JsonRpcRequest { Id = id, Method = RequestMethods.ToolsList, Params = parameters }, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _pending.TryRemove(id, out _);
            round.TrySetResult();
            throw;
        }
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
                    var verifyAfterForwarding = false;
                    TaskCompletionSource? changed = null;
                    if (message is JsonRpcMessageWithId withId and (JsonRpcResponse or JsonRpcError) && _pending.TryRemove(withId.Id, out var pending))
                    {
                        var response = message as JsonRpcResponse;
                        switch (pending.Kind)
                        {
                            case PendingKind.InternalList:
                                await CompleteInternalListAsync(response, pending.Round!).ConfigureAwait(false);
                                continue; // the guard's own request: the client never sees it
                            case PendingKind.List when response is not null:
                                _gate.FilterList(response.Result, pending.Context);
                                break;
                            case PendingKind.Call when response is not null && await _gate.RefuseInputRequestsAsync(response, _stopping.Token).ConfigureAwait(false) is { } refused:
                                // The server asked for input the policy refuses: the client gets the refusal as the call's result.
                                message = refused;
                                break;
                            case PendingKind.Call when response is not null:
                                await _gate.InspectAsync(response, pending.Call!, pending.Context, _stopping.Token).ConfigureAwait(false);
                                break;
                            case PendingKind.Call when message is JsonRpcError error:
                                // The error's text reaches the caller (the exception's message) and the model as a result would.
                                await _gate.InspectErrorAsync(error, pending.Call!, pending.Context, _stopping.Token).ConfigureAwait(false);
                                break;
                            case PendingKind.ReadableList when response is not null:
                                _gate.FilterReadable(response.Result);
                                break;
                            case PendingKind.Read when response is not null:
                                await _gate.InspectReadAsync(response, pending.Call!, pending.Context, _stopping.Token).ConfigureAwait(false);
                                break;
                            case PendingKind.Read when message is JsonRpcError error:
                                await _gate.InspectErrorAsync(error, pending.Call!, pending.Context, _stopping.Token).ConfigureAwait(false);
                                break;
                            case PendingKind.Discover when response is not null:
                                verifyAfterForwarding = true;
                                break;
                            default:
                                break;
                        }
                    }
                    else if (message is JsonRpcRequest { Method: RequestMethods.ElicitationCreate } elicitation
                        && await _gate.AuthorizeElicitationAsync(elicitation, _stopping.Token).ConfigureAwait(false) is { } refusal)
                    {
                        // Refused (protocol revisions before 2026-07-28): the server hears so, and the user is never asked.
                        await _inner.SendMessageAsync(refusal, _stopping.Token).ConfigureAwait(false);
                        continue;
                    }
                    else if (message is JsonRpcNotification { Method: NotificationMethods.ToolListChangedNotification } && Volatile.Read(ref _verifying) is not null)
                    {
                        // Only after the handshake: a request sent before the client's "initialized" may be dropped.
                        // The round starts before the client hears of the change, so no call it sends next can run
                        // with the old verdicts; the listing is sent after forwarding.
                        changed = NewRound();
                    }

                    await writer.WriteAsync(message, _stopping.Token).ConfigureAwait(false);
                    if (verifyAfterForwarding)
                    {
                        await StartVerificationAsync(_stopping.Token).ConfigureAwait(false);
                    }
                    else if (changed is not null)
                    {
                        await SendInternalListAsync(null, changed, _stopping.Token).ConfigureAwait(false);
                    }
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

    private async Task CompleteInternalListAsync(JsonRpcResponse? response, TaskCompletionSource round)
    {
        if (response is not null)
        {
            _gate.Verify(response.Result);
            if (response.Result?["ttlMs"] is JsonValue ttl && ttl.TryGetValue<long>(out var milliseconds) && milliseconds >= 0
                && (_gate.ExpiresAt is null || System.Diagnostics.Stopwatch.GetTimestamp() + milliseconds * System.Diagnostics.Stopwatch.Frequency / 1000 < _gate.ExpiresAt))
            {
                _gate.SetTimeToLive(System.Diagnostics.Stopwatch.GetTimestamp(), TimeSpan.FromMilliseconds(milliseconds));
            }

            if (response.Result?["nextCursor"] is JsonValue next && next.GetValueKind() == JsonValueKind.String)
            {
                await SendInternalListAsync(next.GetValue<string>(), round, _stopping.Token).ConfigureAwait(false);
                return;
            }

            _gate.MarkListed();
        }

        round.TrySetResult();
    }
}
