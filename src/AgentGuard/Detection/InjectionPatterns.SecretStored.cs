using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>A file or document of a shared store created or written, and the negations that make it a warning.</content>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// "Create a new Drive file", "write … to a shared doc", "upload … to a public Dropbox folder", "save it in Google
    /// Drive": a writing verb, then within 60 characters a shared store's file, document, folder, page or note.
    /// </summary>
    [GeneratedRegex(@"\b(?:create|make|write|save|upload|put|store|add|paste|place|copy)\b[^.!?\n]{0,60}?\b(?:(?:(?:google\s+|one)?drive|dropbox|notion)\b|(?:shared|public)\s+(?:[\w-]+\s+)?(?:files?|docs?|documents?|folders?|pages?|notes?|sheets?|spreadsheets?|links?)\b)", Options, Timeout)]
    internal static partial Regex SharedStoreWrite();

    /// <summary>A negation that turns an order into a warning: never, not, don't, avoid.</summary>
    [GeneratedRegex(@"\b(?:never|not|don't|dont|avoid|shouldn't|mustn't)\b", Options, Timeout)]
    internal static partial Regex Negation();
}
