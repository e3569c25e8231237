using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>A claim that restrictions no longer hold.</content>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// "restrictions are lifted", "guardrails have been disabled", "filters are now off", "policy is suspended", "rules no
    /// longer apply", optionally scoped: "… for this session", "… for the rest of this conversation"; without the verb
    /// only when scoped, as a notice writes it: "safety filters suspended for this session".
    /// </summary>
    [GeneratedRegex(@"\G(?:restrictions?|guardrails?|safeguards?|filters?|filtering|polic(?:y|ies)|rules)\s+(?:(?:(?:are|is|have\s+been|has\s+been|were|was|will\s+be)\s+(?:now\s+|hereby\s+|temporarily\s+|officially\s+|fully\s+|all\s+)?(?:lifted|removed|disabled|suspended|waived|revoked|deactivated|bypassed|turned\s+off|switched\s+off|off)|(?:no\s+longer|do\s+not|don't)\s+apply)\b(?:\s+(?:for|in|during)\s+(?:the\s+rest\s+of\s+)?(?:this|the|your|our)\s+(?:session|conversation|chat))?|(?:now\s+|hereby\s+|temporarily\s+)?(?:lifted|removed|disabled|suspended|waived|revoked|deactivated|bypassed|turned\s+off|switched\s+off|off)\s+(?:for|in|during)\s+(?:the\s+rest\s+of\s+)?(?:this|the|your|our)\s+(?:session|conversation|chat)\b)", Options, Timeout)]
    internal static partial Regex LiftedRestriction();
}
