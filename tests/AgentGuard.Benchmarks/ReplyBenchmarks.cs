using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Benchmarks;

/// <summary>
/// The reply guard under the default pack on a 2 KB answer after the session read an untrusted page: no markup (one
/// scan), one image the user gave (one decision, kept), one image whose URL only the page showed (one decision,
/// removed and audited), and HTML that loads nothing remote (a table with styled cells and a relative image: every tag
/// and attribute read, no decision).
/// </summary>
[MemoryDiagnoser]
public class ReplyBenchmarks
{
    private ReplyGuard _guard = null!;
    private GuardContext _context = null!;
    private string _plain = string.Empty;
    private string _givenImage = string.Empty;
    private string _pageImage = string.Empty;
    private string _html = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddAgentGuard(_ => { }).AddDefaultPolicyPack();
        var provider = services.BuildServiceProvider();
        _guard = provider.GetRequiredService<ReplyGuard>();
        var engine = provider.GetRequiredService<IGuardEngine>();
        _context = new GuardContext { SessionId = "bench-reply", Prompt = "Summarize https://news.example/today and show the chart https://charts.example/q3.png at the end." };
        var fetch = new ToolCallEvent("fetch_url", ToolKind.Function) { Arguments = ToolArguments.FromJson("""{"url":"https://news.example/today"}""") };
        engine.EvaluateAsync(fetch, _context).AsTask().GetAwaiter().GetResult();
        engine.InspectResultAsync(fetch, _context, new ToolResult("Markets rallied. Logo: https://cdn.news.example/logo.png")).AsTask().GetAwaiter().GetResult();

        var prose = DetectionBenchmarks.Page(2 * 1024).Replace("!", ".", StringComparison.Ordinal).Replace("[", "(", StringComparison.Ordinal).Replace("<", "(", StringComparison.Ordinal);
        _plain = prose;
        _givenImage = prose + "\n\n![chart](https://charts.example/q3.png)";
        _pageImage = prose + "\n\n![logo](https://cdn.news.example/logo.png)";
        _html = prose + "\n\n<table class=\"quotes\"><tr><th style=\"text-align: left; color: #333\">Index</th><th>Close</th></tr>"
            + string.Concat(Enumerable.Range(0, 8).Select(i => $"<tr><td style=\"font-family: 'Segoe UI'; padding: 2px\">I{i}</td><td title=\"close &gt; open\">{100 + i}</td></tr>"))
            + "</table>\n<img src=\"/charts/q3.png\" alt=\"chart\" width=\"320\">";
    }

    /// <summary>A 2 KB answer without markup.</summary>
    [Benchmark(Baseline = true)]
    public string NoMarkup() => Run(_plain);

    /// <summary>The same with the image the user asked for: decided and kept.</summary>
    [Benchmark]
    public string ImageTheUserGave() => Run(_givenImage);

    /// <summary>The same with the page's image: decided, removed, audited.</summary>
    [Benchmark]
    public string ImageOnlyThePageShowed() => Run(_pageImage);

    /// <summary>The same with an HTML table of styled cells and a relative image: read, nothing to decide.</summary>
    [Benchmark]
    public string HtmlThatLoadsNothingRemote() => Run(_html);

    /// <summary>Waits for the guard without the harness allocating a task when it completed at once.</summary>
    private string Run(string reply)
    {
        var guarded = _guard.GuardAsync(reply, _context);
        return guarded.IsCompletedSuccessfully ? guarded.Result : guarded.AsTask().GetAwaiter().GetResult();
    }
}
