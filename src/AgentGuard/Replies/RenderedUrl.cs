namespace AgentGuard;

/// <summary>
/// A URL in a reply that a client loads by itself when it shows the reply, and the part of the text that makes it load:
/// a markdown image (<c>![alt](url)</c>, the whole image), a reference definition (<c>[id]: url</c>, the URL) or an HTML
/// <c>src</c> attribute (its value).
/// </summary>
/// <param name="Start">Where the part to replace starts.</param>
/// <param name="Length">The length of the part to replace.</param>
/// <param name="Url">The URL, as written.</param>
/// <param name="Replacement">What stands in the part's place when the URL is refused.</param>
internal readonly record struct RenderedUrl(int Start, int Length, string Url, string Replacement);
