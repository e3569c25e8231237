using System.Net;
using System.Text.RegularExpressions;
using CsCheck;
using AngleSharp.Html.Parser;
using Markdig;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Tests.Properties;

/// <summary>
/// <see cref="ReplyGuard"/> against a real renderer: replies assembled from markdown and HTML pieces are guarded under a
/// policy that refuses every rendered URL, rendered to HTML by Markdig (CommonMark, raw HTML passed through, as a chat UI
/// that renders markdown does), and the HTML must load no remote URL: no <c>src</c>, <c>srcset</c>, <c>poster</c>,
/// <c>background</c> or <c>data</c> attribute, <c>url(…)</c> of a <c>style</c> (nor <c>href</c> of <c>image</c>, <c>use</c>, <c>link</c>) that a browser
/// reads as another host's; streamed, cut anywhere, too.
/// </summary>
public sealed partial class RenderedUrlPropertyTests
{
    private static long Iterations => long.TryParse(Environment.GetEnvironmentVariable("AGENTGUARD_FUZZ_ITERATIONS"), out var n) ? n / 4 : 5_000;

    private const string DenyEveryImage = """
        { "AgentGuard": { "Rules": [ { "Id": "no-images", "Effect": "Deny", "Match": { "Kinds": [ "RenderedUrl" ] } } ] } }
        """;

    private static readonly string[] Pieces =
    [
        "![a](", "![", "](", "[1]: ", "[1]", "![a][1]", "![b][]", "![1]", "https://evil.example/p?d=1", "HTTPS://EVIL.example/q", "https:evil.example/x",
        "//evil.example/y", "\\\\evil.example/w", "https:\\\\evil.example/v", "&#58;", "&colon;", "&#x68;ttps://evil.example/z", "\\", "<img src=", "<IMG SRC = ",
        "<img srcset=\"", "<svg><image href=", "<video poster=", "<table background=", "<object data=", "\"", "'", ">", "/>", ")", "(", " ", "\n", "\n\n",
        "> ", "text", "<", "!", "[", "]", "\t", "`", "    ", " \"title\"", "<https://evil.example/u>", "&amp;", "%3A", "<div style=\"background:url(", "<p style='x:url(\"",
        " onerror=\"f('x')\"", " OnLoad=", "<iframe srcdoc=\"", "javascript:f()", "data:text/html,x", "<meta http-equiv=refresh content=\"0;url=", "<base href=",
        "<style>", "</style>", "@import \"", "url(", "\\75rl(", "\\9", "\\a ", "<svg><rect fill=", " mask=\"url(", "<svg><feImage href=", "<set attributeName=href to=", "/src=", "\"src=", "- ", "1. ", "\n  ",
    ];

    private static readonly Gen<string> Reply = Gen.Int[0, Pieces.Length - 1].Array[0, 24].Select(ids => string.Concat(ids.Select(i => Pieces[i])));

    private static readonly MarkdownPipeline Renderer = new MarkdownPipelineBuilder().Build();

    [GeneratedRegex(@"url\(\s*[""']?(?<url>[^""')\s]*)|image-set\(\s*[""'](?<url>[^""']*)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DeclarationUrl();

    private static readonly HtmlParser Parser = new();

    /// <summary>SVG's presentation attributes that take a <c>url(…)</c> (Chromium fetches another host's for fill, mask, clip-path and the markers).</summary>
    private static readonly HashSet<string> PresentationUrls = ["fill", "stroke", "mask", "clip-path", "filter", "marker-start", "marker-mid", "marker-end", "cursor"];

    /// <summary>
    /// What a stylesheet fetches, read as CSS's tokenizer reads it: outside strings and comments, each <c>url(…)</c>, the
    /// string or URL after <c>@import</c>, and the strings of an <c>image-set(…)</c>.
    /// </summary>
    private static List<string> StylesheetUrls(string css)
    {
        var urls = new List<string>();
        for (var i = 0; i < css.Length; i++)
        {
            if (css[i] is '"' or '\'')
            {
                i = CssString(css, i, out _) - 1;
            }
            else if (string.Compare(css, i, "/*", 0, 2, StringComparison.Ordinal) == 0)
            {
                var close = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? css.Length : close + 1;
            }
            else if (string.Compare(css, i, "@import", 0, 7, StringComparison.OrdinalIgnoreCase) == 0 || string.Compare(css, i, "image-set(", 0, 10, StringComparison.OrdinalIgnoreCase) == 0)
            {
                var rest = css[(i + 7)..].TrimStart().TrimStart('(').TrimStart();
                if (rest.Length > 0 && rest[0] is '"' or '\'')
                {
                    _ = CssString(rest, 0, out var value);
                    urls.Add(value);
                }
            }
            else if (string.Compare(css, i, "url(", 0, 4, StringComparison.OrdinalIgnoreCase) == 0 && DeclarationUrl().Match(css, i) is { Success: true } url)
            {
                urls.Add(CssUnescaped(url.Groups["url"].Value));
                i += url.Length - 1;
            }
        }

        return urls;
    }

    /// <summary>
    /// The CSS string that opens with the quote at <paramref name="start"/>, read as CSS's tokenizer reads it (CSS Syntax
    /// §4.3.5): escapes decoded, a backslash before a line break dropped with it, the string ended by its quote, a line
    /// break or the end. Returns the index after it.
    /// </summary>
    private static int CssString(string css, int start, out string value)
    {
        var quote = css[start];
        var read = new System.Text.StringBuilder();
        var i = start + 1;
        while (i < css.Length && css[i] != quote && css[i] is not ('\n' or '\r' or '\f'))
        {
            if (css[i] == '\\')
            {
                i = CssEscape(css, i, read);
                continue;
            }

            read.Append(css[i++]);
        }

        value = read.ToString();
        return i < css.Length && css[i] == quote ? i + 1 : i;
    }

    /// <summary>A URL or string body with its CSS escapes decoded, as the browser hands it to the URL parser.</summary>
    private static string CssUnescaped(string text)
    {
        var read = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length;)
        {
            if (text[i] == '\\')
            {
                i = CssEscape(text, i, read);
            }
            else
            {
                read.Append(text[i++]);
            }
        }

        return read.ToString();
    }

    /// <summary>
    /// The escape whose backslash is at <paramref name="at"/> (CSS Syntax §4.3.7): up to six hex digits and one white space
    /// after them, or the next character itself; a line break after the backslash is dropped with it. Returns the index after it.
    /// </summary>
    private static int CssEscape(string css, int at, System.Text.StringBuilder read)
    {
        var i = at + 1;
        if (i >= css.Length)
        {
            return i;
        }

        if (css[i] is '\n' or '\f')
        {
            return i + 1;
        }

        if (css[i] == '\r')
        {
            return i + 1 < css.Length && css[i + 1] == '\n' ? i + 2 : i + 1;
        }

        if (!char.IsAsciiHexDigit(css[i]))
        {
            read.Append(css[i]);
            return i + 1;
        }

        var end = i;
        while (end < css.Length && end - i < 6 && char.IsAsciiHexDigit(css[end]))
        {
            end++;
        }

        var code = int.Parse(css.AsSpan(i, end - i), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        read.Append(code is 0 or > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF) ? "\uFFFD" : char.ConvertFromUtf32(code));
        if (end < css.Length && css[end] is ' ' or '\t' or '\n' or '\f')
        {
            end++;
        }
        else if (end < css.Length && css[end] == '\r')
        {
            end += end + 1 < css.Length && css[end + 1] == '\n' ? 2 : 1;
        }

        return end;
    }

    /// <summary>
    /// The remote URLs a browser fetches unclicked from <paramref name="html"/> (and the script it runs), as a chat UI
    /// shows it: parsed by a spec-following HTML5 parser (AngleSharp), then every element's loading attributes, every
    /// event handler and inline document, and every style element's and style attribute's <c>url(…)</c>, <c>@import</c>
    /// and <c>image-set</c> read.
    /// </summary>
    private static List<string> LoadedRemotely(string html)
    {
        var loaded = new List<string>();
        using var document = Parser.ParseDocument("<!doctype html><html><head></head><body>" + html);
        foreach (var element in document.All)
        {
            var name = element.LocalName.ToLowerInvariant();
            if (name == "style")
            {
                // A style element's CSS is its own text (in SVG, where it may hold elements, their text is not CSS).
                var css = string.Concat(element.ChildNodes.OfType<AngleSharp.Dom.IText>().Select(t => t.Data));
                AddRemote(loaded, StylesheetUrls(css), scripted: false);
            }

            foreach (var attribute in element.Attributes)
            {
                var attributeName = attribute.Name.ToLowerInvariant();
                var value = attribute.Value;
                if ((attributeName.StartsWith("on", StringComparison.Ordinal) && attributeName.Length > 2) || (attributeName == "srcdoc" && name == "iframe"))
                {
                    if (value.Trim().Length > 0)
                    {
                        loaded.Add(value); // script or a document: it runs or loads whatever it holds
                    }

                    continue;
                }

                var loads = attributeName is "src" or "srcset" or "imagesrcset" or "poster" or "background" or "data" or "style" or "xlink:href"
                    || PresentationUrls.Contains(attributeName)
                    || (attributeName == "href" && name is not ("a" or "area"))
                    || (attributeName == "content" && name == "meta" && element.GetAttribute("http-equiv") is { } equiv && equiv.Equals("refresh", StringComparison.OrdinalIgnoreCase))
                    || (attributeName is "to" or "values" or "from" or "by" && name is "set" or "animate");
                if (!loads)
                {
                    continue;
                }

                var urls = attributeName switch
                {
                    "srcset" or "imagesrcset" => value.Split(','),
                    _ when attributeName == "style" || PresentationUrls.Contains(attributeName) => [.. DeclarationUrl().Matches(value).Select(m => CssUnescaped(m.Groups["url"].Value))],
                    "content" => [value.Contains("url=", StringComparison.OrdinalIgnoreCase) ? value[(value.IndexOf("url=", StringComparison.OrdinalIgnoreCase) + 4)..] : value.TrimStart("0123456789.; ".ToCharArray())],
                    "values" => value.Split(';'),
                    _ => [value],
                };
                // A script or data URL runs or renders only where a document goes: a frame, an object, an embed, a refresh.
                AddRemote(loaded, urls, scripted: (name is "iframe" or "frame" or "object" or "embed" && attributeName is "src" or "data") || attributeName == "content");
            }
        }

        return loaded;
    }

    private static void AddRemote(List<string> loaded, IEnumerable<string> urls, bool scripted)
    {
        foreach (var url in urls)
        {
            var read = url.Trim().Replace("\t", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
            if (read.StartsWith("http:", StringComparison.Ordinal) || read.StartsWith("https:", StringComparison.Ordinal) || (read.Length > 1 && read[0] is '/' or '\\' && read[1] is '/' or '\\')
                || (scripted && (read.StartsWith("javascript:", StringComparison.Ordinal) || read.StartsWith("data:", StringComparison.Ordinal))))
            {
                loaded.Add(url);
            }
        }
    }

    [Fact]
    public void GuardedReply_RenderedByARealRenderer_LoadsNoRemoteUrl()
    {
        var guard = TestHost.Create(DenyEveryImage).GetRequiredService<ReplyGuard>();
        var session = new GuardContext { SessionId = "s-render" };
        Reply.Sample(
            reply =>
            {
                var guarded = guard.GuardAsync(reply, session).AsTask().GetAwaiter().GetResult();
                var html = Markdown.ToHtml(guarded, Renderer);
                LoadedRemotely(html).Should().BeEmpty($"reply {Show(reply)} became {Show(guarded)}, rendered {Show(html)}");
            },
            iter: Iterations);
    }

    /// <summary>
    /// A streamed reply, cut anywhere, is as safe as the whole reply (rendered, it loads nothing remote), and loses or
    /// changes nothing that holds no construct. (The stream decides line by line what the whole reply reads at once, so
    /// the two may differ where markdown is ambiguous; both must be safe.)
    /// </summary>
    [Fact]
    public void StreamedReply_CutAnywhere_LoadsNoRemoteUrl()
    {
        var guard = TestHost.Create(DenyEveryImage).GetRequiredService<ReplyGuard>();
        var session = new GuardContext { SessionId = "s-stream" };
        Gen.Select(Reply, Gen.Int[1, 7].Array[1, 12]).Sample(
            (reply, sizes) =>
            {
                var stream = guard.Stream(session);
                var shown = new System.Text.StringBuilder();
                var at = 0;
                for (var i = 0; at < reply.Length; i++)
                {
                    var size = Math.Min(sizes[i % sizes.Length], reply.Length - at);
                    shown.Append(stream.PushAsync(reply.Substring(at, size)).AsTask().GetAwaiter().GetResult());
                    at += size;
                }

                shown.Append(stream.CompleteAsync().AsTask().GetAwaiter().GetResult());
                var streamed = shown.ToString();
                var html = Markdown.ToHtml(streamed, Renderer);
                LoadedRemotely(html).Should().BeEmpty($"reply {Show(reply)} streamed in pieces of {string.Join(",", sizes)} became {Show(streamed)}, rendered {Show(html)}");
                if (reply.AsSpan().IndexOfAny("![<") < 0)
                {
                    streamed.Should().Be(reply, "text without a construct passes unchanged");
                }
            },
            iter: Iterations);
    }

    private static string Show(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
