using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>What a message's dictated content looks like, and the mailing-list and invitation words that dictate one too.</content>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// The content of a message dictated as one word or string: "only the word", "just the single term", "a one-word
    /// acknowledgment", "in one word" (not "the one-word answer is …", a statement), "a lone word", "the definitive
    /// term", "this email body string", "in the body of your email".
    /// </summary>
    [GeneratedRegex(@"\b(?:(?:only|just|solely|simply|exactly)\s+(?:(?:with|use|using|include|contain(?:ing)?|write|type|typing)\s+)?(?:the\s+|a\s+|one\s+|this\s+)?(?:single\s+|one\s+|exact\s+|following\s+)?(?:word|term)|(?:a|an|with|in|as|using|use)\s+(?:single\s+)?(?:one|single|1)[-\s]word|(?:lone|sole|definitive|conclusive)\s+(?:single\s+)?(?:word|term)|(?:e-?mail\s+|message\s+)?body\s+string|in\s+the\s+body\s+of\s+your\s+(?:e-?mail|message|reply))\b", Options, Timeout)]
    internal static partial Regex DictatedContent();

    /// <summary>Mailing-list commands and invitations' answers, which readers are asked to send as one word: subscribe, unsubscribe, yes.</summary>
    [GeneratedRegex(@"subscri|\byes\b", Options, Timeout)]
    internal static partial Regex SubscriptionOrYes();
}
