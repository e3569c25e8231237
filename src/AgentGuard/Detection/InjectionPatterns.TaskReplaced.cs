using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>A sentence that calls off the reader's task on this text.</content>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// "Instead of summarizing, …", "Rather than translating this page, …", "Do not summarize this email; …": the
    /// reader's own task called off, up to the punctuation after which the replacement follows: a task of processing the
    /// text it was handed (summarizing, translating, analysing, classifying, paraphrasing) bare or on this very text
    /// ("this page", "this email", "the above"), answering or explaining this very text, completing its task or following
    /// its instructions. A guide's "Instead of summarizing each chapter, …" names another object, and a forum's "Instead
    /// of answering, post a comment" speaks of answering in general (people answer questions; readers of a page do not
    /// summarize it unless they are assistants).
    /// </summary>
    [GeneratedRegex(@"\G(?:(?:instead\s+of|rather\s+than)\s+(?:(?:simply|just|merely|only)\s+)?(?:(?:summari[sz](?:ing|e)|translat(?:ing|e)|analy[sz](?:ing|e)|classify(?:ing)?|paraphras(?:ing|e))(?:\s+(?:to\s+)?(?:this|these|the\s+above)(?:\s+(?:page|text|document|e-?mail|message|article|passage|content|paragraph|table|review|post|question|website|site))?)?|(?:answer(?:ing)?|respond(?:ing)?|repl(?:ying|y)|describ(?:ing|e)|explain(?:ing)?)\s+(?:to\s+)?(?:this|these|the\s+above)(?:\s+(?:page|text|document|e-?mail|message|article|passage|content|paragraph|table|review|post|question|website|site))?|complet(?:ing|e)\s+(?:the|your)\s+(?:task|request)|doing\s+(?:the|your)\s+(?:task|job)|follow(?:ing)?\s+(?:the|your)\s+(?:original\s+|user's\s+)?(?:instructions?|task|request))\s*[,;:—]\s*|(?:do\s+not|don't|dont|never)\s+(?:summari[sz]e|translate|answer|analy[sz]e|classify|paraphrase|describe|explain)\s+(?:this|these|the\s+above)(?:\s+(?:page|text|document|e-?mail|message|article|passage|content|paragraph|table|review|post|question|website|site))?\s*[;:,.\u2014]\s*(?:(?:instead|rather)\s*[,:]?\s*)?)", Options, Timeout)]
    internal static partial Regex TaskReplaced();
}
