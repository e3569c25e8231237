using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>Instructions ranked against each other, and new instructions announced as they arrive.</content>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// The reader's other instructions as a whole: "all other instructions", "every previous directive", "previous and
    /// upcoming orders", "all else", "the rest", "no other command", "every other (one) is …" (its noun left out). A
    /// plain noun of content ("all other settings", "all previous releases", "every other step") is not an instruction.
    /// The words between are a greedy loop: .NET
    /// 10.0.12's regex generator emits code for a lazy one here that indexes past its input ("every prior and future a b
    /// c" threw; dotnet/runtime#129511), and only whether it matches is asked.
    /// </summary>
    [GeneratedRegex(@"\G(?:(?:(?:all|every|any)\s+(?:the\s+)?(?:other|prior|previous|preceding|subsequent|past|future|upcoming|forthcoming|earlier|remaining)(?:\s+(?:and|or)\s+(?:prior|previous|preceding|subsequent|past|future|upcoming|forthcoming|later|earlier))?|(?:previous|prior|preceding|past|earlier)\s+(?:and|or)\s+(?:future|subsequent|upcoming|forthcoming|later))\s+(?:[a-z\-]+\s+){0,2}(?:instructions?|directives?|commands?|guidelines?|tasks?|orders|agendas?|objectives?|protocols?|mandates?|edicts?|duties|assignments?|advice|guidance|prompts?)\b|(?:all|everything)\s+else\b|every\s+other(?:\s+one)?(?=\s+(?:is|are|has|becomes)\b)|(?:all\s+)?the\s+(?:rest|others)\b|all\s+others\b|no\s+other\s+(?:[a-z\-]+\s+)?(?:instructions?|directives?|commands?|guidelines?|tasks?|orders?|mandates?|edicts?)\b)", Options, Timeout)]
    internal static partial Regex OtherInstructions();

    /// <summary>The one instruction the line puts first: "this one", "this command", "this is your …", "the following", "what comes next".</summary>
    [GeneratedRegex(@"\bthis\s+(?:(?:particular|single|sole|singular|specific|new|latest|very|exact|one)\s+)?(?:one|instructions?|commands?|directives?|tasks?|edicts?|orders?|actions?|mandates?|requests?|guidelines?|assignments?|objectives?)\b|\bthis\s+is\s+(?:now\s+)?(?:your|the)\b|\b(?:the\s+following|what\s+comes\s+next|what\s+follows|the\s+next\s+(?:step|task|instruction|command|directive))\b|\bthis\s+(?:as\s+|the\s+)?(?:your\s+)?(?:only|sole|exclusive|singular|primary|prime|main|one)\b|\blet\s+this\s+be\s+your\b", Options, Timeout)]
    internal static partial Regex ThisInstruction();

    /// <summary>What the line does to the others: void, secondary, on hold, cast aside, overshadowed, "mere parables" (a metaphor of fiction or noise; "mere wrappers" is a description).</summary>
    [GeneratedRegex(@"\b(?:secondary|obsolete|void|null|irrelevant|cancel+ed|rescinded|nullified|overridden|superseded|on\s+hold|on\s+mute|eclips\w*|subordinate|ancillary|extraneous|background|noise|mirages?|shadows|static|footnotes?|aside|wayside|fade\w*|forget|ignor\w*|disregard\w*|discard\w*|dismiss\w*|abandon\w*|eras\w+|eject\w*|wipe\w*|strip\w*|omit\w*|overlook\w*|expunge\w*|annul\w*|nullify|relegat\w*|displac\w*|no\s+longer|let\s+go|outshines?|overshadows?|supersedes?|trumps?|takes?\s+(?:all\s+)?precedence|out\s+of\s+scope|off\s+course|deter|mere\s+(?:parables?|fables?|stories|tales|myths?|rumou?rs?|whispers?|echoe?s?|afterthoughts?|distractions?|illusions?|fiction|fantas(?:y|ies)|dreams?|decorations?|ornaments?))\b", Options, Timeout)]
    internal static partial Regex Demoted();

    /// <summary>
    /// Instructions announced as just arrived, after the noun ("… instructions have just landed", "… directives are here")
    /// or before it ("just received, new instructions"): the sentence holding the noun.
    /// </summary>
    [GeneratedRegex(@"\b(?:ha(?:ve|s)\s+(?:just\s+|recently\s+|freshly\s+|newly\s+|now\s+)?(?:been\s+)?(?:arrived|received|landed|come\s+(?:in|through)|dropped|hit|appeared|surfaced|delivered|dispatched|issued|released|transmitted|relayed|reported|communicated|broadcast(?:ed)?|pronounced|rolled\s+in|made\s+their\s+entrance)|just\s+(?:in|arrived|landed|received|came\s+in|dropped|been\s+\w+)|(?:are|is)\s+(?:now\s+)?(?:here|in)\b)", Options, Timeout)]
    internal static partial Regex JustArrived();

    /// <summary>
    /// Instructions pointed to ahead of where they stand: "the following", "to follow", "upcoming", "up next", "what
    /// follows", "about to receive", "on the brink of", "a line away".
    /// </summary>
    [GeneratedRegex(@"\b(?:(?:the\s+)?following|to\s+follow|upcoming|up\s+next|forthcoming|what\s+follows|next\s+(?:part|section|segment|step)|about\s+to\s+(?:receive|get|embark)|(?:brink|precipice|verge)\s+of|a\s+line\s+away|coming\s+your\s+way|ahead)\b", Options, Timeout)]
    internal static partial Regex PointedAhead();

    /// <summary>
    /// What a real instruction page does not ask of its reader: to act at once, above everything ("immediate execution",
    /// "utmost urgency", "non-negotiable"). "Important" alone, or "highest priority first", is how manuals speak.
    /// </summary>
    [GeneratedRegex(@"\b(?:immediate(?:ly)?|urgen(?:t|cy|tly)|swift(?:ly)?|instant(?:ly)?|non-negotiable|paramount|imperative|mandatory|utmost|pivotal|momentous|can(?:not|'t)\s+afford)\b", Options, Timeout)]
    internal static partial Regex Pressing();

    /// <summary>How much the announcement says the instructions matter.</summary>
    [GeneratedRegex(@"\b(?:important|importance|crucial|vital|critical|essential|urgent|paramount|pivotal|momentous|significant|significance|imperative|priority|utmost|indispensable|weighty|monumental)\b", Options, Timeout)]
    internal static partial Regex Weighty();
}
