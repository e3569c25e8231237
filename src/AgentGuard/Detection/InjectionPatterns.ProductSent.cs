using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>The reader's own product sent to an outside address.</content>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// "forward that word to ops@…", "sending it to records@…", "deliver your summary straight to https://…": a verb of
    /// sending (any of its forms) with up to eight words of object, then "to" or "at" and an e-mail address or a URL.
    /// What makes the object the reader's product is judged by the caller.
    /// </summary>
    [GeneratedRegex(@"\G(?:send|forward|deliver|convey|direct|relay|transmit|channel|route|e-?mail)(?:s|es|ed|ted|ing|ting)?\s+(?:[^\s.!?\n]+\s+){0,8}?(?:(?:back|directly|straight|over|along|onward)\s+)*(?:to|at)\s+['""`<]?(?:https?://|[\w.+\-]+@[\w\-]+\.[\w.]+)", Options, Timeout)]
    internal static partial Regex ProductSent();
}
