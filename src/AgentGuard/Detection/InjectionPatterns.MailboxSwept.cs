using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>The reader's mailbox swept, or its one-time codes asked for, by the text it reads.</content>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// A handing verb (send, forward, share, copy, paste, include, list, give, tell, reply with) and, as its object, a
    /// sweep of the reader's mail or contacts ("the subjects of the last 20 messages", "the bodies of all emails", "every
    /// invoice in the mailbox", "all your contacts") or a code sent to the reader to prove who it is ("the 2FA code",
    /// "the verification code", "your one-time passcode").
    /// </summary>
    [GeneratedRegex(@"\G(?:send|forward|share|copy|paste|relay|include|list|give|tell|reply\s+(?:to\s+(?:me|us)\s+)?with)\s+(?:(?:me|us|back)\s+)?(?:(?:(?:the|your)\s+)?(?:subjects?|bodies|body|contents?|full\s+text|text|senders?|sender\s+addresses|addresses|titles?|summar(?:y|ies)|attachments?|ids?)\s+of\s+(?:all\s+(?:of\s+)?(?:the\s+|your\s+)?|every\s+|each\s+|(?:the|your)\s+(?:last|latest|newest|most\s+recent|recent)\s+(?:\d+\s+|few\s+|ten\s+|twenty\s+)?)(?:[\w\-]+\s+)?(?:emails?|messages?|mails?|conversations?|threads?)|(?:all|every|each)\s+(?:of\s+)?(?:the\s+|your\s+)?(?:[\w\-]+\s+)?(?:emails?|messages?|mails?|invoices?|attachments?|contacts?|files?|documents?)\s+(?:in|from)\s+(?:the|your|this|my)\s+(?:inbox|mailbox|mail|folder|drive|account)|(?:all|every\s+one)\s+(?:of\s+)?your\s+contacts|(?:the|your|that)\s+(?:(?:\d|six|6)[\s\-]digit\s+)?(?:2fa|two[\s\-]factor|verification|security|one[\s\-]time|login|sign[\s\-]in|otp|mfa|authentication|confirmation|access)\s+(?:code|passcode|pin)s?)\b", Options, Timeout)]
    internal static partial Regex MailboxSwept();
}
