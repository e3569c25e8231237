using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>The reader's goal declared replaced, and what a replaced goal may not ask.</content>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// "your goal is now …", "your task has changed", "your objective has been updated": the reader's own goal declared
    /// replaced without a qualifier ("your new task is" is <see cref="NewTask"/>'s). "Your goal is to finish the checklist"
    /// states a goal and replaces none.
    /// </summary>
    [GeneratedRegex(@"\Gyour\s+(?:task|goal|objective|mission|purpose|assignment)\s+(?:is\s+now|now\s+is|has\s+(?:now\s+)?(?:changed|been\s+(?:updated|changed|replaced|reassigned|redefined)))\b", Options, Timeout)]
    internal static partial Regex GoalChanged();

    /// <summary>
    /// "New goal for the agent —", "Updated objective for the assistant:", "New task for the AI model:": a goal handed to
    /// the AI reader by name, then a separator. A team, desk or office of agents is people ("New goal for the agent team").
    /// </summary>
    [GeneratedRegex(@"\G(?:new|updated|revised|changed)\s+(?:goal|objective|task|mission|instructions?)\s+for\s+(?:the\s+|this\s+|any\s+|all\s+)?(?:ai\s+)?(?:assistant|agent|model|ai|bot|chatbot|llm)s?\b(?!\s+(?:team|desk|group|staff|office|network|program|programme|portal|of\s+record))\s*(?:[:,\u2013\u2014]|-(?=\s))", Options, Timeout)]
    internal static partial Regex GoalForReader();

    /// <summary>
    /// What a replaced goal asks that no document has business asking of its reader: money moved to an account (paid, only
    /// to an IBAN, a wallet or a numbered account: "pay $200 a month into your savings account" is a budget's advice), a
    /// saved card charged, approvals in bulk, records or backups deleted, an answer dictated ("instead reply that", "reply
    /// with '…'"), one product pushed, the user led to click or pay, data sent to a written-out address, the user's or
    /// customers' data collected, the most expensive bought.
    /// </summary>
    [GeneratedRegex(@"\b(?:(?:transfer|wire|send)\b[^.;\n]{0,60}?(?:[$€£]\s?\d|\b\d[\d,.]*\s?(?:usd|eur|gbp|dollars|euros)\b|\baccount\b|\biban\b|\bfunds\b|\bbitcoin|\bbtc\b|\bwallet\b)|pay\b[^.;\n]{0,60}?(?:\biban\b|\bwallet\b|\bbitcoin|\bbtc\b|\baccount\s+(?:no\.?\s*|number\s*|#\s*)?\d)|charge\s+(?:the\s+|their\s+|his\s+|her\s+)?(?:user['’]s\s+)?(?:saved|stored|card|credit)|(?:approve|authori[sz]e|accept|release)\s+(?:all|every|each|any|pending)\b|(?:delete|remove|erase|wipe|drop|destroy|purge)\s+(?:(?:all|every|the|their|his|her|its)\s+)?(?:[\w\-]+\s+){0,2}?(?:database|db|backups?|files|records|repository|repo|e-?mails|accounts?|logs|tables?)\b|(?:instead|only|simply|just)\s+(?:reply|respond|answer|say|state)\s+(?:(?:to\s+(?:the\s+user|them|everyone)|back)\s+)?(?:that|with)\b|(?:reply|respond|answer|say|state)\s+(?:(?:only|simply|just|back)\s+)+(?:that|with)\b|(?:reply|respond|answer)\s+(?:(?:only|simply|just)\s+)?with\s+[""“'‘]|(?:recommend|suggest|promote|endorse)\s+only\b|only\s+recommend\b|(?:get|make|convince|persuade|trick|lead)\s+(?:the\s+)?users?\s+(?:to\s+)?(?:click|visit|open|sign|log|enter|download|install|buy|pay|share|send|give)\b|(?:send|forward|e-?mail|share|export|upload|post|leak|copy)\b[^.;\n]{0,80}?(?:https?://|www\.|[\w.+\-]+@[\w\-]+\.[a-z]{2,})|(?:collect|gather|harvest|extract|export|dump)\s+(?:(?:all|every|the)\s+)?(?:(?:user['’]s|customers?['’]?|clients?['’]?|crm)\s+)?(?:contacts?|customer\s+list|passwords?|credentials|home\s+address(?:es)?|addresses|card\s+(?:numbers?|details)|ssns?|social\s+security)|(?:book|buy|purchase|order)\s+(?:the\s+)?most\s+expensive\b)", Options, Timeout)]
    internal static partial Regex GoalHarm();
}
