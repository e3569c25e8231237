using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>The phrases of <see cref="InjectionDetector"/>'s swapped-instruction classes.</content>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// "cancel all previous instructions", "discard your initial prompt", "belay that order", "ignore the first
    /// instruction", "IGNORE ALL TEXT BELOW": the reader's instruction called off with a verb the ignore family does not hold, or named by its
    /// place ("the first instruction"), or the rest of the text set aside. Cancelled orders of a shop ("cancel any existing orders") name no instruction.
    /// </summary>
    [GeneratedRegex(@"\G(?:(?:cancel|discard|abandon|scrap|revoke|nullify|drop|abort|void)\s+(?:(?:all|any|the|your|my|of|these|those|every|previous|prior|above|earlier|preceding|former|original|system|initial|existing|current|given)\s+){1,4}(?:instructions?|prompts?|directives?|guidelines)|belay\s+(?:that|this|the|my|your|those|these)\s+(?:orders?|instructions?|commands?|requests?)|(?:ignore|disregard|forget)\s+(?:the\s+)?(?:first|original|last|earlier)\s+(?:instructions?|orders?|requests?)|(?:ignore|disregard)\s+(?:all|any)\s+(?:the\s+|other\s+)?(?:text|content)\s+(?:below|beneath|that\s+follows|after\s+this))\b", Options, Timeout)]
    internal static partial Regex CancelledInstructions();

    /// <summary>"There is a change in instructions.", "there has been a change to your instructions".</summary>
    [GeneratedRegex(@"\Gthere\s+(?:is|has\s+been)\s+a\s+change\s+(?:in|to|of)\s+(?:the\s+|your\s+)?instructions\b", Options, Timeout)]
    internal static partial Regex InstructionsChanged();
}
