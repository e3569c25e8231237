using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>Data that speaks as the one who gave the agent its task.</content>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// "the task (that) I gave you in the beginning", "your original request you were given at the start": a reference to
    /// the agent's own task as something the text's author set at the start of the conversation. "at the start of the
    /// week" (a manager's e-mail) is not one.
    /// </summary>
    [GeneratedRegex(@"\G(?:the|my|your)\s+(?:original\s+|initial\s+|first\s+|actual\s+|main\s+|current\s+)?(?:task|request|job|assignment|instructions?)\s+(?:that\s+|which\s+)?(?:i\s+(?:gave|assigned|set|asked|sent|handed)(?:\s+(?:to\s+)?you)?(?:\s+to\s+(?:do|solve|complete|handle|perform))?|you\s+(?:were|have\s+been|got)\s+(?:given|assigned|set)|(?:was|were|has\s+been)\s+(?:given|assigned|set)\s+(?:to\s+)?you)\s+(?:(?:in|at)\s+the\s+(?:very\s+)?(?:beginning|start|outset)|initially|originally|earlier\s+in\s+(?:this|our|the)\s+(?:conversation|chat|session))(?!\s+of\s+(?!(?:this|our|the)\s+(?:conversation|chat|session)\b))", Options, Timeout)]
    internal static partial Regex PrincipalsTask();

    /// <summary>
    /// "the task I originally gave you", "the task you were initially assigned", "the task that was originally given to
    /// you": the adverb before the verb places the task at the start. A day or a period after it ("… on Monday", "… last
    /// week", "… during onboarding") makes it a colleague's task (the verb's words are taken whole, so "gave" cannot
    /// stop short of "you on Monday").
    /// </summary>
    [GeneratedRegex(@"\G(?:the|my|your)\s+(?:original\s+|initial\s+|first\s+|actual\s+|main\s+|current\s+)?(?:task|request|job|assignment|instructions?)\s+(?:that\s+|which\s+)?(?>i\s+(?:originally|initially)\s+(?:gave|assigned|set|asked|sent|handed)(?:\s+(?:to\s+)?you)?|you\s+(?:were|have\s+been)\s+(?:originally|initially)\s+(?:given|assigned|set)|(?:was|were|has\s+been)\s+(?:originally|initially)\s+(?:given|assigned|set)\s+(?:to\s+)?you)\b(?!\s+(?:on|last|yesterday|this|next|during|before|after|for|by|in|at|earlier|today|tomorrow)\b)", Options, Timeout)]
    internal static partial Regex PrincipalsTaskAdverb();

    /// <summary>"message from me, Jordan Lee, to you, the AI model", "a note from me to you, GPT-4o".</summary>
    [GeneratedRegex(@"\G(?:message|note|request|letter|reminder)\s+from\s+me\b(?:\s*,\s*[^,:.\n]{1,40}?)?\s*,?\s+to\s+you\s*,?\s+(?:the\s+|an?\s+|my\s+|dear\s+)?(?:ai(?:\s+(?:model|assistant|agent|system))?|assistant|llm|large\s+language\s+model|language\s+model|model|agent|chatbot|bot|copilot|chatgpt|gpt[\w.\-]*|claude|gemini|llama|mistral|qwen|deepseek|grok)\b", Options, Timeout)]
    internal static partial Regex MessageToModel();

    /// <summary>
    /// "before you can solve the task", "after you do that, you can solve the task":
    /// the ordering of a hijack around the agent's task. "before you begin, install …" names no task.
    /// </summary>
    [GeneratedRegex(@"\G(?:before\s+(?:you\s+)?(?:can\s+|could\s+|may\s+|are\s+able\s+to\s+)?(?:solv|start|begin|tackl|work|handl|do|complet|finish|continu|proceed|get)\w*\s+(?:(?:on|with|to)\s+)?(?:the|your|my)\s+(?:original\s+|initial\s+|actual\s+|main\s+|current\s+)?(?:task|request|job|assignment)\b|after\s+(?:you(?:'ve|\s+have)?\s+(?:do|did|done|complete|completed|finish|finished)|doing)\s+(?:that|this|it|so)\s*,?\s+(?:you\s+(?:can|may|should|could)\s+)?(?:solve|continue|return|go\s+back|proceed|complete|finish|resume|do)\w*\s+(?:(?:to|with|on)\s+)?(?:the|your|my)\s+(?:original\s+|initial\s+)?(?:task|request|job|assignment)\b)", Options, Timeout)]
    internal static partial Regex TaskOrdering();

    /// <summary>
    /// "from me, the user", "it's me, the person you're working for": the text's author claims to be the agent's principal.
    /// </summary>
    [GeneratedRegex(@"\G(?:from\s+me\s*,?\s*(?:the|your)\s+(?:user|owner|principal)\b|(?:it's|it\s+is)\s+me\s*,\s*(?:the|your)\s+(?:user|owner|principal|person\s+you(?:'re|\s+are)\s+(?:working|acting)\s+for)\b)", Options, Timeout)]
    internal static partial Regex PrincipalClaim();
}
