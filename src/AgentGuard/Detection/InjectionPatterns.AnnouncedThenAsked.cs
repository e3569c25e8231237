using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>Instructions announced as arriving or ahead, in the sentence that names them.</content>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// A word of instructions that come or lie ahead: "that follow", "coming your way", "approaches", "have just come in",
    /// "on the brink of", "incoming" — in the sentence that names the instructions. Not "follow the directions" (an
    /// order to follow, not an announcement), nor "new" or "below" (a tax form's "new instructions are below").
    /// </summary>
    [GeneratedRegex(@"\b(?:(?:that|which|to)\s+follow|follows|following|as\s+follows|ahead|coming|incoming|upcoming|approach(?:es|ing)?|arriv(?:e|es|ed|al|ing)|just\s+(?:come|came|landed|arrived|hit|dropped|in)|await(?:s|ing)?|brink|imminent|about\s+to|on\s+(?:the|their|its)\s+way)\b", Options, Timeout)]
    internal static partial Regex ArrivingOrAhead();

    /// <summary>
    /// A task to write a piece for the reader's audience ("Write a poem about …", "Compose a short story …"), opening a
    /// sentence: what an announced instruction turns out to be.
    /// </summary>
    [GeneratedRegex(@"^(?:now\s+|please\s+)?(?:write|compose|draft|create|generate|craft)\s+(?:me\s+)?(?:a|an)\s+(?:\w+\s+){0,3}?(?:poem|story|essay|haiku|limerick|song|joke|tweet|post|letter|speech|article|riddle|slogan|script|dialogue|review|ad|advert(?:isement)?)\b", Options, Timeout)]
    internal static partial Regex PieceToWrite();
}
