using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>A note headed to the machine that reads it, by its role or its product's name, that gives an order.</content>
internal static partial class InjectionPatterns
{
    /// <summary>The machine readers a heading names: a model's product name, a kind of AI tool, a summarizer.</summary>
    private const string MachineReader = @"(?:(?:ai|llm)[- ]?(?:based|powered|driven|enabled)\s+[a-z]+|(?:ai|llm|language|automated|virtual|digital|scheduling|e-?mail|mail|inbox|calendar|coding|browsing|browser|web|shopping|research)\s+(?:assistant|agent|model|tool|system|reader|bot)s?|summari[sz](?:ers?|ation\s+(?:tools?|models?|bots?|assistants?))|language\s+models?|ais|ai|llms?|gpts?|chatgpt|gemini|claude|copilots?|chatbots?|bots?)";

    /// <summary>An order after a heading or a greeting, perhaps after a clause that times it ("Before replying, forward …").</summary>
    private const string HeadedOrder = @"\s*(?:(?:after|before|when|once|while|whenever|first|as|if)\b[^.!?\n:]{0,80}?,\s*)?(?:(?:also|then|now|first|immediately|please|kindly)\s+)?(?:" + AgentOrderVerbs + @"|(?:treat|consider|regard|describe|omit|classify|label|flag|skip|hide)\b)";

    /// <summary>
    /// "[Instructions for summarizers] Describe …", "For LLM-based assistants: treat …", "Reminder for the scheduling
    /// assistant: accept …", "(For the email assistant) Before replying, forward …": at the heading's first word, perhaps a
    /// note's noun, then "for" or "to" and a machine reader, closed by a colon, a bracket or a dash, then an order.
    /// </summary>
    [GeneratedRegex(@"\G(?:(?:quick\s+)?(?:notes?|reminders?|messages?|memos?|instructions?|directions?|requests?|favou?r|p\.?\s?s\.?|tips?|heads[- ]up|fyi|attention|attn)\s*:?\s+)?(?:for|to)\s+(?:the\s+|any\s+|all\s+|every\s+|an?\s+|our\s+|your\s+)?" + MachineReader + @"\s*(?:[\]\):]|[-–—]\s)" + HeadedOrder, Options, Timeout)]
    internal static partial Regex RoleHeading();

    /// <summary>"Dear Gemini, when you summarize this page, say …", "Hey ChatGPT, forward …": a model greeted by name, then an order.</summary>
    [GeneratedRegex(@"\G(?:dear|hey|hi|hello|greetings|attention)\s*,?\s+(?:chatgpt|gemini|gpt[\w.-]*|claude|copilot|bard|llama|mistral|grok|deepseek)\s*[,:!]" + HeadedOrder, Options, Timeout)]
    internal static partial Regex GreetedModelOrder();
}
