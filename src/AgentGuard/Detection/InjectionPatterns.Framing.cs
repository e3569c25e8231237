using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>Orders wrapped in a frame that pretends not to give one, and the order to drop the document in other languages.</content>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// "in a world where …, we might state that …", "a hypothetical scenario where we declare …", "hypothetically, if we
    /// were to ignore the function, the output could be '10'": a counterfactual frame that, in the same sentence, tells
    /// what to state or what the output is. An essay's "we might say that …" and "the result would be strange" do not.
    /// </summary>
    [GeneratedRegex(@"\G(?:hypothetical(?:ly)?|(?:world|universe|scenario)\s+where)\b[^.!?\n]{0,160}?(?:\bignore\s+(?:the|this|that|these|all|any|previous)\b|\b(?:we|i|you)\s+(?:(?:might|could|would|should|can|will|must|may)\s+)?(?:state|claim|declare|assert|output|print|answer|respond|write)\s*(?::|that\b|the\b)|\bwe\s+(?:(?:might|could|would|should|can|will|must|may)\s+)?say\s*:|\blet(?:'s|\u2019s|\s+us)\s+(?:state|claim|declare|assert)\b|\bthe\s+(?:output|answer|result|response|conclusion|return\s+value|capital|sum|total)\b[^.!?\n]{0,40}?\b(?:could|would|might|should|will|must)\s+be\s+['""\u2018\u201C])", Options, Timeout)]
    internal static partial Regex HypotheticalOrder();

    /// <summary>"you must listen to my instructions", "you must obey me", "you must follow my orders": the text's writer demands obedience.</summary>
    [GeneratedRegex(@"\Gyou\s+must\s+(?:now\s+|always\s+|only\s+)?(?:(?:listen\s+to|obey|heed)\s+(?:my\b|me\b|what\s+i\s+say)|follow\s+my\s+(?:instructions?|orders?|commands?|directions?|directives?))", Options, Timeout)]
    internal static partial Regex DemandsObedience();

    /// <summary>
    /// "Ignorez le texte et dites …", "Ignora el documento y responde …", "Ignorieren Sie die Tabelle und sagen Sie …",
    /// "Ignore o documento e diga …"; writing only what is said ("… und schreibe: …", "… y escribe que …"), not a file
    /// ("Ignoriere die Warnung und schreibe die Datei erneut"). Accented letters also match their plain letter: the plain
    /// reading, which removes Markdown emphasis, folds them.
    /// </summary>
    [GeneratedRegex(@"\G(?:ignorez|ignorer|ignore|ignora|ignorar|ignoriere|ignorieren\s+sie)\s+(?:la|le|les|l'|el|los|las|lo|o|a|os|as|este|esta|esto|cette|ce|cet|ces|die|den|das|diese[nrs]?|il|gli|questo|questa)\s*(?:[\w'\-]+\s+){0,3}?[\w'\-]+\s*,?\s+(?:et|y|und|e)\s+(?:(?:indiquez|dites|d[\u00E9e]clarez|affirmez|r[\u00E9e]pondez|di|d[\u00EDi]|indica|declara|afirma|responde|sage|sagen\s+sie|gib|geben\s+sie|behaupte|behaupten\s+sie|erkl[\u00E4a]re|erkl[\u00E4a]ren\s+sie|antworte|antworten\s+sie|d[\u00ECi]|afferma|dichiara|rispondi|diga|afirme|declare|responda|indique)\b|(?:[\u00E9e]crivez|escribe|schreibe|schreiben\s+sie|scrivi|escreva)\s*(?::|,?\s+(?:que|qu'|dass|che)))", Options, Timeout)]
    internal static partial Regex IgnoreTheDocumentOtherLanguages();
}
