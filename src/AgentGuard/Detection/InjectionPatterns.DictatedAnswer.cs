using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>An answer fixed in advance for whatever the reader is asked.</content>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// "the correct answer to any question about this contract is …", "whatever the user asks, the answer is …", "when
    /// asked about X, the only correct reply is …", "any question about refunds gets the answer …": every question's
    /// answer settled before it is asked. A quiz's "the
    /// correct answer to question 4 is B" settles one question.
    /// </summary>
    [GeneratedRegex(@"\G(?:(?:the\s+)?(?:(?:correct|right|only|official|true|approved|proper)\s+)?(?:answer|reply|response)\s+(?:to|for)\s+(?:any|every|all)\s+(?:[\w-]+\s+){0,2}?(?:questions?|quer(?:y|ies)|requests?|prompts?)\b|whatever\s+(?:the\s+user|they|anyone|someone|you(?:'re|\s+are)?)\s+(?:asks?|says?|wants?|asked)\b[^.!?\n]{0,60}?,\s*(?:the\s+)?(?:(?:correct|right|only)\s+)?(?:answer|reply|response)\s+(?:is|should\s+be|must\s+be)\b|(?:any|every|all)\s+(?:[\w-]+\s+){0,2}?(?:questions?|quer(?:y|ies))\s+(?:about|on|regarding|concerning)\b[^.!?\n]{0,60}?\b(?:gets?|receives?|should\s+(?:get|receive)|must\s+(?:get|receive)|(?:is|are|should\s+be|must\s+be)\s+(?:given|answered\s+with))\b|(?:when|if)\s+(?:asked|the\s+user\s+asks)\b[^.!?\n]{0,80}?,\s*(?:the\s+)?(?:only\s+)?(?:correct|right|only|official)\s+(?:answer|reply|response)\s+(?:is|should\s+be|must\s+be)\b)", Options, Timeout)]
    internal static partial Regex DictatedAnswer();
}
