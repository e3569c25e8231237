using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>The user's confirmation waived for the reader: "no need to confirm with the user", "without asking again".</content>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// At "need to", "without", "do not", "don't" or "never": asking, checking or confirming, then whom it skips — the user, the
    /// customer, the requester, the owner, "them" — with nothing after the name but the clause's end, "first", "again",
    /// "before …", "to confirm", "for (their) approval" or "about it" (the step may be named first: "confirm this with the
    /// user", "run it by them"); or "again" alone; or "need to be asked again"; or the user's step skipped by name ("skip the
    /// user's confirmation", "don't wait for the user's approval", "no user confirmation needed"). A
    /// command's help names a flag with "without asking for confirmation" (<c>-y</c>), so that waiver needs a person. A waiver of something else ("without asking them to sign anything", "you don't need to ask the customer
    /// for their order number", "without asking the account owner each month") is a how-to's step, and a waiver with no one
    /// named ("No need to confirm; we'll email you") a service telling its customer.
    /// </summary>
    [GeneratedRegex(@"\G(?:(?:need\s+to\s+(?:first\s+)?|without\s+(?:first\s+)?|(?:not|don't|don’t|never)\s+)(?:ask(?:ing)?|check(?:ing)?|confirm(?:ing)?|consult(?:ing)?|verify(?:ing)?|get(?:ting)?\s+(?:approval|confirmation|permission|consent|sign-?off)\s+from|run(?:ning)?\s+(?:it|this|that)\s+(?:by|past))\b\s*(?:(?:it|this|that|these|those)\s+)?(?:(?:(?:with|by|back\s+with)\s+)?(?:(?:the|your|their|his|her)\s+)?(?:(?:account\s+)?(?:users?|customers?|clients?|requesters?|owners?|holders?|senders?|approvers?|payers?|members?)\b|them\b|him\b|her\b|anyone\b|anybody\b)\s*(?:[.,;:!?)\n—–-]|$|(?:and|first|again|before|beforehand)\b|to\s+(?:confirm|approve|agree|verify)\b|for\s+(?:(?:their|his|her|a|any)\s+)?(?:confirmation|approval|permission|consent|sign-?off)\b|about\s+(?:it|this|that|them)\b)|again\b)|need\s+to\s+be\s+(?:asked|consulted|checked\s+with|notified)\s+(?:again|first|before)\b|skip\s+(?:the\s+)?(?:user|customer|owner|client|requester)(?:'s|’s)?\s+(?:confirmation|approval|sign-?off|consent|review)\b|wait\s+for\s+(?:the\s+)?(?:user|customer|owner|client|requester)(?:'s|’s)\s+(?:confirmation|approval|sign-?off|consent|reply|answer|go-ahead|ok)\b|no\s+(?:user|customer|owner|client)\s+(?:confirmation|approval|sign-?off|consent)\s+(?:is\s+)?(?:needed|required|necessary)\b)", Options, Timeout)]
    internal static partial Regex ConfirmationWaived();
}
