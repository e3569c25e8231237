using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>A task heralded to the reader: what the clause says is ahead or new, who it speaks to, and how hard it presses.</content>
internal static partial class InjectionPatterns
{
    /// <summary>What is merely new or added, which a herald may also point with: "new", "additional", "another", "an add-on", "fresh" (beside <see cref="TaskAhead"/>).</summary>
    [GeneratedRegex(@"\b(?:new|additional|extra|another|supplementary|add-on|fresh)\b", Options, Timeout)]
    internal static partial Regex MerelyNew();

    /// <summary>The clause speaks to its reader: "you", "your", or it opens by telling the reader to get ready ("Prepare to …", "Stand by for …").</summary>
    [GeneratedRegex(@"\byou(?:rs?|rself)?\b|^\W*(?:prepare|brace|stand\s+by|get\s+ready|take\s+heed|heed|be\s+ready|focus|act|execute|proceed|attend)\b", Options, Timeout)]
    internal static partial Regex HeraldedReader();

    /// <summary>Each word that says how much the task matters or how fast it must be done (counted: a manual says it once); "of great consequence" and "what matters most" say it in two; "mandatory", "without (any further) delay", "at once", "ASAP" ("as soon as possible"), "time-sensitive" and "a must-do" press for speed.</summary>
    [GeneratedRegex(@"\b(?:importan(?:t|ce)|crucial|vital|critical|essential|urgen(?:t|cy|tly)|paramount|pivotal|momentous|significan(?:t|ce)|imperative|priority|utmost|indispensable|immediate(?:ly)?|instant(?:ly)?|swift(?:ly)?|non-negotiable|consequential|mandatory|must-do|time[\s\-]sensitive|without\s+(?:(?:any|further)\s+){0,2}delay|at\s+once|asap|as\s+soon\s+as\s+possible|(?:great|grave|utmost|high|major|real)\s+consequence|matters?\s+(?:the\s+)?most)\b", Options, Timeout)]
    internal static partial Regex HeraldedWeight();

    /// <summary>Overstatement about the task itself: "not just important" ("aren't just"), "not a drill", "can't wait", "must be executed", "demands your immediate attention", "requiring your prompt execution".</summary>
    [GeneratedRegex(@"(?:(?:\bnot|\Bn['’]t)\s+(?:just|merely|mere|only|a\s+drill|optional|a\s+suggestion|your\s+average|ordinary|to\s+be\s+(?:ignored|taken\s+lightly|delayed))|\bcan(?:not|['’]t)\s+(?:wait|be\s+(?:ignored|overlooked|delayed))|\bmust\s+be\s+(?:executed|acted|followed|addressed|handled|undertaken)|\b(?:demand|require|need)(?:s|ing)?\s+(?:your\s+)?(?:immediate|prompt|full|undivided|instant|quick)\s+(?:attention|focus|action|execution|implementation))\b", Options, Timeout)]
    internal static partial Regex HeraldedHype();

    /// <summary>A task added to the reader's work: "an additional task", "another critical assignment", "this new, urgent task".</summary>
    [GeneratedRegex(@"\b(?:additional|extra|another|new|supplementary|add-on|urgent|imperative|special|further|one\s+more)(?:[\s,]+[\w\-]+){0,3}[\s,]+(?:tasks?|assignments?|missions?|undertakings?|duty|action\s+items?|actions?|instructions?|directives?|entry|entrant|component|side\s+quest|add-on|imperative|objective)\b", Options, Timeout)]
    internal static partial Regex AddedTask();

    /// <summary>The reader's own work, set beside the added task: "your main objectives", "your existing assignments", "your to-do list".</summary>
    [GeneratedRegex(@"\byour\s+(?:own\s+)?(?:current|existing|main|primary|original|standing|scheduled|regular|routine|ongoing|usual)\b|\byour\s+(?:to-?do|task\s+list|list\s+of|workload|agenda)\b", Options, Timeout)]
    internal static partial Regex ReadersOwnWork();

    /// <summary>
    /// What is ahead, or what the reader is told to wait for: "the following", "upcoming", "about to", "in addition",
    /// "here's", "just landed", "get ready to", "to come", "you'll be given". Said of a task that follows at once, the words
    /// of what is merely new ("new staff", "an extra room", <see cref="MerelyNew"/>) do not count.
    /// </summary>
    [GeneratedRegex(@"\b(?:following|to\s+follow|that\s+follows?|what\s+(?:follows|comes\s+next|lies\s+ahead|is\s+next)|what['’]s\s+next|upcoming|forthcoming|subsequent|succeeding|ensuing|next|ahead|incoming|about\s+to|(?:brink|verge|precipice)\s+of|coming\s+(?:your\s+way|up)|await(?:s|ing)?|just\s+(?:in|landed|arrived|come|dropped)|imminent|horizon|to\s+come|recently[\s\-]+(?:received|arrived|issued)|(?<=\byou(?:['’]ll|\s+will)\s+(?:soon\s+)?)(?:be\s+given|receive)|on\s+(?:its|their)\s+way|t?here(?:['’]s|\s+is|\s+are|\s+comes?)|in\s+addition|get\s+ready|stand\s+by|brace\s+(?:yourself|for)|prepare\s+(?:yourself|for|to))\b", Options, Timeout)]
    internal static partial Regex TaskAhead();

    /// <summary>A question about the people of a conversation, the reader or the writer ("Could you …", "Do I need …", "Where is my …"): not a planted task.</summary>
    [GeneratedRegex(@"\b(?:you(?:rs?|rself)?|I|me|my|we|us|our)\b", Options, Timeout)]
    internal static partial Regex AskedOfPeople();

    /// <summary>A task put as an order for the writer's benefit: "Tell me …", "Remind me …", "Show me …", "Give me …".</summary>
    [GeneratedRegex(@"^\W*(?:tell|remind|show|give)\s+me\b", Options, Timeout)]
    internal static partial Regex OrderForTheWriter();

    /// <summary>
    /// Instructions said to have reached the reader, for a herald whose task follows at once: "we have been provided with
    /// … instructions", "the arrival of … instructions", "new orders have come in" (beside <see cref="JustArrived"/>).
    /// </summary>
    [GeneratedRegex(@"\b(?:ha(?:ve|s)\s+been\s+(?:provided|given|handed|entrusted|equipped)\s+with|arrival\s+of|ha(?:ve|s)\s+(?:just\s+|now\s+)?(?:arrived|landed|come\s+in))\b", Options, Timeout)]
    internal static partial Regex ArrivedForTask();

    /// <summary>
    /// A task put as an order to answer what follows, in the languages the heralded tasks come in: "Answer the following
    /// question:", "Veuillez répondre à la question suivante :", "Responda la siguiente pregunta:", "Rispondi alla seguente domanda:".
    /// </summary>
    [GeneratedRegex(@"^\W*(?:(?:please|kindly|por\s+favor|per\s+favore|bitte)[\s,]+)?(?:answer|veuillez\s+r[eé]pondre|r[eé]pondez|r[eé]ponds|respond[ae]|rispond[ai]|beantworte(?:n|t)?|responde)\s+(?:\w+\s+){0,3}(?:questions?|preguntas?|domand[ae]|fragen?|perguntas?)\b", Options, Timeout)]
    internal static partial Regex AnswerTheQuestion();

    /// <summary>A task put as an order to work out a fact: "Indicate the sum of 10 and 5.", "Calculate the square root of 81.", "Name the author of …", "State the animal with …" (not "Name the backup file after …"), "Translate \"Ciao\" into Spanish.".</summary>
    [GeneratedRegex(@"^\W*(?:(?:indicate|calculate|compute|convert|define)\s+(?:the|a|an|what|which|who|how|whether|\d)|(?:name|state)\s+(?:the|a|an)\s+(?:[\w'\-]+\s+){0,3}?(?:of|with|that|which|who|whose|featuring)\b|translate\s+[""“'])", Options, Timeout)]
    internal static partial Regex WorkOutAFact();

    /// <summary>A question that points back to what was just said: "Which version ships with it?", "Are they tested?".</summary>
    [GeneratedRegex(@"\b(?:it|they|them|these|those)\b", Options, Timeout)]
    internal static partial Regex PointsBack();

    /// <summary>A request put to the reader: "could you …", "would you please …", "I would appreciate if you could …", "I'd like you to …", "please provide …".</summary>
    [GeneratedRegex(@"\b(?:could|can|would|will)\s+you\b|\b(?:appreciate\s+(?:it\s+)?if\s+you|(?:I['’]d|I\s+would)\s+like\s+you\s+to)\b|\bplease\s+(?:provide|write|draft|create|generate|give|explain|describe|list|tell|answer|compose)\b", Options, Timeout)]
    internal static partial Regex RequestToReader();

    /// <summary>An order to act at once on what is read: "EXECUTE UPON READING", "obey immediately", "comply at once".</summary>
    [GeneratedRegex(@"\b(?:execute|obey|comply|act|proceed)\s+(?:upon|on\s+reading|immediately|now|at\s+once|without\s+delay)\b", Options, Timeout)]
    internal static partial Regex ActOnReading();
}
