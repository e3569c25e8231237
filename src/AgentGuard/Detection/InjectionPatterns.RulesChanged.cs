using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>The reader's own rules announced changed, then the new rule.</content>
internal static partial class InjectionPatterns
{
    /// <summary>The reader's rules: its instructions, guidelines, rules, directives, prompt or configuration.</summary>
    private const string ReadersRules = @"(?:system\s+)?(?:instructions|guidelines|rules|directives|prompt|configuration|operating\s+procedures?)";

    /// <summary>
    /// "update to your instructions:", "your guidelines have changed:", "updated rules for the assistant:", then (perhaps
    /// after "from now on," or "effective immediately,") an order or a standing "always"/"never"/"only", a permission
    /// given to the reader ("you may now share …") or a duty laid on what it writes ("Summaries must now include …").
    /// </summary>
    [GeneratedRegex(@"\G(?:(?:updates?|changes?|amendments?|additions?|revisions?|corrections?|overrides?)\s+to\s+your\s+" + ReadersRules + @"|your\s+" + ReadersRules + @"\s+(?:have|has)\s+(?:been\s+)?(?:changed|updated|revised|amended|replaced|overridden)|(?:new|updated|revised|amended)\s+(?:instructions|guidelines|rules|directives)\s+for\s+(?:the\s+|all\s+|this\s+)?(?:ai|assistants?|models?|llms?|chatbots?|copilots?|conversation|chat))\s*(?:[:\-–—]|\.\s)\s*(?:(?:effective\s+immediately|from\s+now\s+on|going\s+forward|henceforth|starting\s+now|from\s+this\s+point(?:\s+on)?)\s*,?\s*)?(?:you\s+(?:must|should|will|are\s+to)\s+|you\s+(?:may|can)\s+now\s+|you\s+are\s+now\s+(?:allowed|permitted|free|authori[sz]ed)\s+to\s+|(?:[\w\-]+\s+){1,3}(?:must|should|will)\s+now\s+(?:also\s+)?|please\s+)?(?:(?:always|never|only)\s+)?(?:include\b|" + AgentOrderVerbs + @"|(?:recommend|describe|mention|promote|praise|avoid|refer|end|begin|treat|respond|answer)\b)", Options, Timeout)]
    internal static partial Regex ReadersRulesChanged();
}
