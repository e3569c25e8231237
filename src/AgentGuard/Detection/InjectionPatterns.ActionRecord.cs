using System.Text.RegularExpressions;

namespace AgentGuard;

/// <content>The keys of a record that orders a sending: its recipient with an address, and its content.</content>
internal static partial class InjectionPatterns
{
    /// <summary>
    /// A recipient key with an e-mail address for its value, as a JSON or YAML key, an XML element or a "Key: value"
    /// line: <c>"recipient": "contact@contact.com"</c>, <c>&lt;to&gt;contact@contact.com</c>, <c>route: contact@…</c>,
    /// <c>Handler: contact@…</c>, <c>"address": "contact@…"</c>.
    /// </summary>
    [GeneratedRegex(@"(?<![\w-])(?:recipient|recipients|to|address|email_address|route|route_to|routeto|handler|send_to|sendto|destination|dest|email_to|target_address)[""'>]?\s*[:=>]\s*[""'\[]?\s*[\w.+-]+@[\w-]+\.[a-z]", Options, Timeout)]
    internal static partial Regex RecordRecipient();

    /// <summary>A content key of such a record: body, content, message, payload, text (also with a prefix or suffix: response_content, content_type).</summary>
    [GeneratedRegex(@"(?<![a-z])(?:\w+_)?(?:body|content|message|payload|text)(?:_\w+)?[""'>]?\s*[:=>]", Options, Timeout)]
    internal static partial Regex RecordContent();
}
