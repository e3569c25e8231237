using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>The sending order before an encoded recipient.</content>
internal static partial class InjectionPatterns
{
    /// <summary>A sending verb or the noun of a recipient: "send your email to:", "reply … to the address:", "recipient:".</summary>
    [GeneratedRegex(@"\b(?:send|sending|reply|replying|respond|responding|forward|forwarding|e-?mail\s+(?:it|this|them|your)|deliver|route|routing|relay|dispatch|recipient)\b", Options, Timeout)]
    internal static partial Regex SendingOrderBefore();
}
