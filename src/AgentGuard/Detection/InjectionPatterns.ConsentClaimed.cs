using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>The user's consent claimed by the data, then the order it is said to cover.</content>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// "the user has", "The account owner has already", "the customer has pre-", "the owner pre-", "the user already": a
    /// principal who has approved, up to the consent verb. Without "has", only an adverb or "pre-" makes the past tense a
    /// standing approval ("The manager approved the budget." reports an event).
    /// </summary>
    [GeneratedRegex(@"^(?:the|your|our)\s+(?:user|account\s+(?:owner|holder)|owner|customer|client|admin(?:istrator)?|manager|ceo|boss)\s+(?:(?:has|have|had)\s+(?:(?:already|explicitly|previously|just|also)\s+)?(?:pre-?)?|(?:already|explicitly|previously)\s+(?:pre-?)?|pre-?)$", Options, Timeout)]
    internal static partial Regex ConsentingPrincipal();

    /// <summary>
    /// At the consent verb: what it covers (within its clause), the clause's end, then an order ("…, so go ahead and share
    /// it", "…: export the client list to …", "… this transfer. Send the full order history to …", "…; complete the
    /// remaining payments …", "… for refunds. Issue the refund …").
    /// </summary>
    [GeneratedRegex(@"\G(?:approved|authori[sz]ed|consented|okayed|signed\s+off|given\s+(?:(?:their|his|her|full|explicit|standing|blanket|advance|prior)\s+)?(?:permission|consent|approval))\b(?:[^.!?\n:;]|[.:](?=\S)){0,120}?(?:[.!?:;](?=\s)|,\s*so\b|\s[—–-]\s)\s*(?:(?:so|and|then)\s+)?(?:(?:please|now|just|simply|kindly)\s+)?(?:go\s+ahead\s+and\s+)?(?:(?:complete|process|issue|finish|finali[sz]e|proceed|charge|refund)\b|" + AgentOrderVerbs + ")", Options, Timeout)]
    internal static partial Regex ConsentedOrder();
}
