using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>What a message's dictated content looks like, and the mailing-list and invitation words that dictate one too.</content>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// The content of a message dictated as one word or string: "only the word", "just the single term", "just the customary term" (not "only the word count"), "a one-word
    /// acknowledgment", "in one word" (not "the one-word answer is …", a statement), "a lone word", "the single keyword",
    /// "the definitive term", "this email body string", "the word "approved"", "use 'ok' as the token payload",
    /// <c>body="ok"</c>, "the usual single-word confirmation" (not "the one-word answer is …"), the content stated as a
    /// requirement in quotes: "the message body must be exactly: "ok"", "with the body of the email being "ok"", "its
    /// text should read 'ok'" (not "the body must be plain text").
    /// </summary>
    [GeneratedRegex(@"\b(?:(?:only|just|solely|simply|exactly)\s+(?:(?:with|use|using|include|contain(?:ing)?|write|type|typing)\s+)?(?:the\s+|a\s+|one\s+|this\s+)?(?:[a-z]+\s+)?(?:key)?(?:word|term|noun)(?![\s-]+count)|(?:a|an|with|in|as|using|use)\s+(?:single\s+)?(?:one|single|1)[-\s](?:key)?word|(?:lone|sole|single|definitive|conclusive)\s+(?:single\s+)?(?:keyword|term)|(?:lone|sole|definitive|conclusive)\s+word|(?:e-?mail\s+|message\s+)?body\s+string|the\s+(?:word|term|string)\s*:?\s*[""'“‘`]\w|use\s+[""'“‘`][^""'”’`\n]{1,40}[""'”’`]\s+as\s+(?:the\s+|its\s+)?(?:\w+\s+)?(?:payload|body|content|message|text)|(?:body|content|message|text)\s*[:=]\s*[""'`]\w|(?:body|content|message|text)\s+(?:of\s+(?:the|your|this|that|each)\s+(?:e-?mail|message|reply|note)\s+)?(?:must|should|shall|needs?\s+to|has\s+to|is\s+to|will|being)\s+(?:(?:only\s+)?(?:be|read|say|contain|consist\s+of)\s+)?(?:exactly|only|just|precisely|simply|solely)?\s*:?\s*[""'“‘`]\w|\b(?:one|single|1)-word\s+(?:confirmation|acknowledge?ment|verification|reply|response|message|note|term)\b(?!\s+(?:is|was)\b))", Options, Timeout)]
    internal static partial Regex DictatedContent();

    /// <summary>
    /// A destination described instead of given: "to the usual verification address", "through the usual confirmation
    /// channel", "to the designated handler", "to the appropriate inbox", "to usual handler", "to 'contact' at the standard
    /// domain".
    /// </summary>
    [GeneratedRegex(@"\b(?:to|through|via)\s+(?:(?:the|a|an|our|your|its|their)\s+)?(?:[\w'-]+\s+){0,4}?(?:address|inbox|mailbox|handler|recipient|contact|channel|endpoint|domain)\b", Options, Timeout)]
    internal static partial Regex DescribedDestination();

    /// <summary>Mailing-list commands and invitations' answers, which readers are asked to send as one word: subscribe, unsubscribe, yes.</summary>
    [GeneratedRegex(@"subscri|\byes\b", Options, Timeout)]
    internal static partial Regex SubscriptionOrYes();
}
