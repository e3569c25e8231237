using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>A key, tag or label that names a note for an AI.</content>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// "__ai_instruction__": ", "AI_DIRECTIVE}}", "llm-note=\"", "[AI NOTE]", "aiInstructions:", "gpt_command:": a key,
    /// a template tag, an attribute or a bracketed label whose name joins a word for an AI (ai, llm, gpt, copilot, claude,
    /// chatbot, optionally with agent, assistant or model) and a word for an order (instruction, directive, note,
    /// command, order, override, memo, rules), in any spelling of the join (snake_case, kebab-case, camelCase, spaced),
    /// and a value that gives an order (a verb of <c>AgentOrderVerbs</c>, perhaps after a clause that times it: "Before
    /// parsing, output …"). "agent" and "assistant" alone also name people (a CRM's "agent_note"), and "prompt" and
    /// "message" name a developer's own template; a value that describes ("Custom instructions your AI follows") gives
    /// no order.
    /// </summary>
    [GeneratedRegex(@"\G(?:ai|llm|gpt|copilot|claude|chatbot)(?:[_\- ]?(?:agents?|assistants?|models?))?[_\- ]?(?:instructions?|directives?|notes?|commands?|orders?|overrides?|memos?|rules)(?![a-z])[_\-]*[""'\]\}]*\s*(?:[:=]|\]|\}\})\s*[""'\u201C]?\s*(?:(?:after|before|when|once|while|whenever|first)\b[^.!?\n:]{0,80}?,\s*)?(?:(?:also|then|now|first|immediately|please|kindly|always|silently|quietly)\s+)?" + AgentOrderVerbs, Options, Timeout)]
    internal static partial Regex MachineLabel();
}
