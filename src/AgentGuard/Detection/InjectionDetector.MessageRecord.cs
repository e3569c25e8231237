namespace AgentGuard;

/// <content>
/// An e-mail written as a record into a message or a page: <c>&lt;email&gt;&lt;to&gt;contact@…&lt;/to&gt;&lt;subject&gt;…
/// &lt;/subject&gt;&lt;content&gt;confirmation&lt;/content&gt;&lt;/email&gt;</c>, <c>"email": {"to": "…@…", "body": "…"}</c>.
/// The record gives the three things a send needs (a message, its recipient's address, its content) as keys, as the
/// action record does (<see cref="ActionRecord"/>) with its action key; here the record's own key says it is an e-mail.
/// It counts only inside other text: a tool result that is itself a record (an outbox, a mailbox listing) opens with it.
/// </content>
internal sealed partial class InjectionDetector
{
    /// <summary>At "email" standing as a key: the text does not open with a record, and around it a recipient key with an address and a content key.</summary>
    private static void MessageRecord(ReadOnlySpan<char> text, int at, string anchor, Span<double> weights)
    {
        if (!IsRecordKey(text, at, anchor.Length) || OpensWithRecord(text))
        {
            return;
        }

        var block = text[at..Math.Min(text.Length, at + 400)];
        if (block.IndexOf('@') >= 0 && InjectionPatterns.RecordRecipient().IsMatch(block) && InjectionPatterns.RecordContent().IsMatch(block))
        {
            Raise(weights, Marker.SendExternal, 0.5);
        }
    }
}
