using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>A credential of the user's or an administrator's carried somewhere by whoever is given the duty.</content>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// "by sending the stored OAuth token to https://…", "with the admin API key in the query string", "with the user's
    /// password in the X-Auth header": a handing word, a credential qualified as someone's or kept (the user's, an
    /// administrator's, stored, saved, current), then where it goes (a link, an address, a query string, a header). An
    /// integration guide's "include the API key in the X-Api-Key header" names no one's credential.
    /// </summary>
    [GeneratedRegex(@"\b(?:send(?:s|ing)?|post(?:s|ing)?|with|using|includ(?:e|es|ing)|pass(?:es|ing)?|attach(?:es|ing)?|add(?:s|ing)?|put(?:s|ting)?|submit(?:s|ting)?|append(?:s|ing)?|provid(?:e|es|ing)|forward(?:s|ing)?|upload(?:s|ing)?)\s+(?:(?:the|your|its|their|all|this)\s+)?(?:(?:user['’]?s|users['’]|customer['’]?s|owner['’]?s|account(?:['’]s)?|admin(?:istrator)?(?:['’]s)?|root|master|stored|saved|current|cached)\s+)+(?:[\w-]+\s+){0,2}?(?:token|key|password|passcode|credentials?|cookies?|secret)s?\b[^.!?\n]{0,80}?(?:\bto\s+(?:https?://|www\.|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/)|\bto\s+[\w.+-]+@[\w-]+\.|\bin\s+(?:the\s+|a\s+)?(?:query\s+string|url|link|[\w-]+\s+header)\b|\bas\s+a\s+(?:query\s+)?parameter\b)", Options, Timeout)]
    internal static partial Regex CredentialCarried();
}
