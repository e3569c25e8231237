using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>Money moved to a given destination, and the step kept from the person the reader acts for.</content>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// "not mention it", "don't mention this step to the user", "without telling the account owner", "keep this between
    /// us": the step kept from the person it is done for (anchored at the negation or at "keep").
    /// </summary>
    [GeneratedRegex(@"\G(?:(?:do\s+not|don't|dont|not|never)\s+(?:mention|tell|disclose|reveal|report)\s+(?:(?:it|this|that)(?:\s+(?:step|transfer|payment|transaction|request))?(?:\s+to\s+(?:them|him|her|anyone|the\s+(?:user|owner|account\s+(?:owner|holder)|customer|client)))?|them|him|her|anyone|the\s+(?:user|owner|account\s+(?:owner|holder)|customer|client))|without\s+(?:telling|informing|notifying|alerting)\s+(?:them|him|her|anyone|the\s+(?:user|owner|account\s+(?:owner|holder)|customer|client))|keep\s+(?:this|it)\s+(?:between\s+us|quiet|secret|hidden|from\s+(?:them|him|her|the\s+(?:user|owner|customer|client))))\b", Options, Timeout)]
    internal static partial Regex KeptFromPrincipal();

    /// <summary>
    /// "wire $2,000 to account DE89 3704 …", "pay invoice 7781 to account 12345678", "send $900 via PayPal to
    /// refunds@…", "transfer the balance to wallet 0x5290…": a verb that moves money, then within 80 characters of its
    /// clause a destination written out (an account, IBAN or wallet with digits, an IBAN, a wallet address, an e-mail).
    /// </summary>
    [GeneratedRegex(@"\b(?<verb>wire|transfer|pay|send|remit|deposit|move)\b(?<what>[^.!?\n;]{0,80}?)\b(?:to|into)\s+(?:the\s+|this\s+|my\s+|our\s+)?(?:(?:(?:bank\s+)?account|iban|wallet|beneficiary|payee)(?:\s+(?:number|no\.?|#))?\s*:?\s*(?=[a-z0-9#-]*\d)[a-z0-9#][a-z0-9 #-]{5,42}|[a-z]{2}\d{2}\s?[a-z0-9]{4}|0x[0-9a-f]{16,}|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)", Options, Timeout)]
    internal static partial Regex PaymentToDestination();

    /// <summary>What stands before the verb when the reader is told to do it: "you must", "you are now required to".</summary>
    [GeneratedRegex(@"\byou(?:'re|\s+are)?\s+(?:now\s+)?(?:must|(?:required|obligated|expected|instructed|asked|supposed)\s+to|need\s+to|have\s+to|should|will)\s+(?:(?:also|now|immediately|first|then|please)\s+)?$", Options, Timeout)]
    internal static partial Regex ToldToTheReader();

    /// <summary>A clause that opens with the verb itself, after at most a few words of politeness or order.</summary>
    [GeneratedRegex(@"^[\s""'*>-]*(?:(?:please|kindly|now|then|also|first|immediately|and|so|just)\s+)*$", Options, Timeout)]
    internal static partial Regex ImperativeOpening();

    /// <summary>Money in a sending clause: a currency sign or code, a figure, or a word for money.</summary>
    [GeneratedRegex(@"[$€£¥]|\d|\b(?:eur|usd|gbp|dollars?|euros?|pounds?|funds|money|payment|balance|amount|sum|btc|eth|usdt)\b", Options, Timeout)]
    internal static partial Regex Money();
}
