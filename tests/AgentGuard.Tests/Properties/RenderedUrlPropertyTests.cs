using System.Net;
using System.Text.RegularExpressions;
using CsCheck;
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
    ];

    private static readonly Gen<string> Reply = Gen.Int[0, Pieces.Length - 1].Array[0, 24].Select(ids => string.Concat(ids.Select(i => Pieces[i])));

    private static readonly MarkdownPipeline Renderer = new MarkdownPipelineBuilder().Build();

    [GeneratedRegex(@"<(?<tag>[a-zA-Z][\w:-]*)(?<attributes>[^>]*)>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<=[\s""'/])(?<name>[\w:-]+)\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>[^\s""'>]+))", RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();

    [GeneratedRegex(@"url\(\s*[""']?(?<url>[^""')]*)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CssUrl();

    /// <summary>The remote URLs a browser loads unclicked from <paramref name="html"/>, read naively: every tag, every attribute.</summary>
    private static List<string> LoadedRemotely(string html)
    {
        var loaded = new List<string>();
        foreach (Match tag in Tag().Matches(html))
        {
            var name = tag.Groups["tag"].Value.ToLowerInvariant();
            foreach (Match attribute in Attribute().Matches(" " + tag.Groups["attributes"].Value))
            {
                var attributeName = attribute.Groups["name"].Value.ToLowerInvariant();
                var loads = attributeName is "src" or "srcset" or "poster" or "background" or "data" or "style" || (attributeName is "href" or "xlink:href" && name is "image" or "use" or "link");
                var value = WebUtility.HtmlDecode(attribute.Groups["value"].Value.Replace("&colon;", ":", StringComparison.OrdinalIgnoreCase));
                var urls = attributeName switch
                {
                    "srcset" => value.Split(','),
                    "style" => [.. CssUrl().Matches(value).Select(m => m.Groups["url"].Value)],
                    _ => [value],
                };
                foreach (var url in urls)
                {
                    var read = url.Trim().Replace("\t", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
                    if (loads && (read.StartsWith("http:", StringComparison.Ordinal) || read.StartsWith("https:", StringComparison.Ordinal) || (read.Length > 1 && read[0] is '/' or '\\' && read[1] is '/' or '\\')))
                    {
                        loaded.Add(url);
                    }
                }
            }
        }

        return loaded;
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
