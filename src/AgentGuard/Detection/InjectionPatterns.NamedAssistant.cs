using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>A note headed to a kind of software assistant.</content>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// "NEW INSTRUCTION TO CHAT ASSISTANT:", "Message to the virtual assistant -", "Reminder for the browsing agent,": a
    /// note word, "to" or "for", a kind of software assistant (chat, virtual, coding, e-mail, browsing, web, research,
    /// writing, shopping, AI; booking, scheduling, calendar or inbox only as an assistant or a bot, since a booking agent
    /// is a person) named by its noun, and the punctuation or line break that ends a heading or a salutation.
    /// "Instructions for the chat assistant widget can be edited" names no addressee.
    /// </summary>
    [GeneratedRegex(@"\G(?:note|message|instructions?|reminder|memo|directive|request|order|actions?|tasks?)\s+(?:to|for)\s+(?:(?:the|any|all|an?|every|this|your)\s+)?(?:(?:chat|virtual|coding|e-?mail|browsing|web|research|writing|shopping|ai)\s+(?:assistants?|agents?|bots?|models?)|(?:booking|scheduling|calendar|inbox)\s+(?:assistants?|bots?))[ \t]*(?:[:,\-\u2013\u2014]|\r?\n)", Options, Timeout)]
    internal static partial Regex NoteToKindOfAssistant();
}
