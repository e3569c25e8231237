using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgentGuard.Samples.Web;

/// <summary>
/// Stands in for a language model so the sample runs offline: asked to pay, it calls <c>wire_funds</c> with what the
/// user wrote; given a tool result, it reports it. The framework's real function-invocation loop runs the tool.
/// </summary>
internal sealed class PaymentsModel : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var history = messages.ToList();
        var last = history[^1];
        if (last.Contents.OfType<FunctionResultContent>().FirstOrDefault() is { } result)
        {
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "Result: " + result.Result)));
        }

        var request = PaymentRequest.Parse(last.Text);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant,
        [
            new FunctionCallContent("call-" + Guid.NewGuid().ToString("N")[..8], "wire_funds", new Dictionary<string, object?>
            {
                ["to"] = request.To,
                ["amount"] = request.Amount,
                ["memo"] = request.Memo,
                ["pin"] = "4921",
            }),
        ])));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false)).ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    /// <summary>"pay 900 to ACME Ltd for invoice 7" → amount, payee, memo.</summary>
    private sealed record PaymentRequest(string To, int Amount, string Memo)
    {
        public static PaymentRequest Parse(string text)
        {
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var amount = words.Select(w => int.TryParse(w, out var n) ? n : (int?)null).FirstOrDefault(n => n is not null) ?? 0;
            var at = text.IndexOf(" to ", StringComparison.OrdinalIgnoreCase);
            var to = at >= 0 ? text[(at + 4)..] : "unknown";
            var memoAt = to.IndexOf(" for ", StringComparison.OrdinalIgnoreCase);
            return memoAt >= 0 ? new PaymentRequest(to[..memoAt], amount, to[(memoAt + 5)..]) : new PaymentRequest(to, amount, string.Empty);
        }
    }
}
