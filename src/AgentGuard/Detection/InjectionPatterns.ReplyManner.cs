using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>Orders, standing alone in data, about the manner of the reader's reply.</content>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// "Reply in reverse.", "Respond only with emojis", "Answer using all capital letters", "Answer in French.": a bare
    /// imperative that turns the reader's reply into a transformed one (reversed, enciphered, in capitals, in emoji, in
    /// verse, in another language). A letter's "reply to this email", a form's "answer in the space provided" and "reply
    /// in writing" name no transformation; a language counts only when the sentence ends with it ("reply in French if you
    /// prefer" is an offer).
    /// </summary>
    [GeneratedRegex(@"\G(?:reply|respond|answer)\s+(?:only\s+|solely\s+|exclusively\s+|entirely\s+)?(?:(?:in|using|with|through)\s+(?:only\s+)?(?:all\s+)?(?:an?\s+|the\s+)?)?(?:(?:reverse|reversed|backwards?|mirrored|morse(?:\s+code)?|base64|binary|hexadecimal|leet(?:speak)?|pig\s+latin|emojis?|emoticons|caps|capital\s+letters|capitals|upper\s*case|uppercase\s+letters|rhymes?|rhyming\s+(?:couplets|verse)|verse|riddles|(?:caesar\s+)?cipher|ciphertext|code\s+words|gibberish|only\s+emojis)\b|(?:spanish|french|german|italian|portuguese|chinese|mandarin|japanese|russian|arabic|hindi|korean|dutch|swedish|polish|turkish|greek|hebrew|latin|klingon)\s*(?:[.!]|\r?\n|$))", Options, Timeout)]
    internal static partial Regex ReplyManner();
}
