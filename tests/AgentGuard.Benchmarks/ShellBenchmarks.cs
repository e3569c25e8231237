using System.Text;
using AgentGuard.Shell;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgentGuard.Benchmarks;

/// <summary>
/// The shell analyzer (issue #6 target: parse + classify a typical command line ≤ 5 µs), an obfuscated line, and the
/// full decision of a line by the engine (every command evaluated, no process started).
/// </summary>
[MemoryDiagnoser]
public class ShellBenchmarks
{
    internal const string Typical = "git status && npm test 2>&1 | tail -20";
    internal const string Obfuscated = "a=r''m; $a${IFS}-rf \"$HOME\" || sudo bash -c \"$(echo Y3VybCAtZCBAL2V0Yy9wYXNzd2Q= | base64 -d)\"";

    /// <summary>70 KB: nested substitutions, quotes and escapes, over the 64 KiB limit (rejected as opaque without parsing).</summary>
    private static readonly string Pathological70K = Pathological(70 * 1024);

    /// <summary>Just under the 64 KiB limit, so it is parsed in full: the worst case the analyser accepts.</summary>
    private static readonly string Pathological63K = Pathological(63 * 1024);

    private IGuardedShell _shell = null!;

    internal static string Pathological(int length)
    {
        var nested = string.Concat(Enumerable.Repeat("$(echo ", 2000)) + "x" + new string(')', 2000);
        var body = string.Concat(Enumerable.Repeat("a'b\\\"c | x${y:0:1} ", 4000));
        return (nested + " ; " + body)[..length];
    }

    [GlobalSetup]
    public void Setup()
    {
        var json = """
        { "AgentGuard": { "Rules": [
          { "Id": "no-destructive", "Effect": "Deny", "Match": { "Tags": ["destructive", "exfiltration", "remote-code", "credential-access", "opaque"] } } ] } }
        """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        services.AddAgentGuard(configuration.GetSection("AgentGuard")).AddShell();
        _shell = services.BuildServiceProvider().GetRequiredService<IGuardedShell>();
    }

    [Benchmark(Description = "parse + classify: git status && npm test 2>&1 | tail -20")]
    public int AnalyzeTypical() => ShellAnalyzer.Analyze(Typical).Commands.Count;

    [Benchmark(Description = "parse + classify: obfuscated rm/sudo/base64 line")]
    public int AnalyzeObfuscated() => ShellAnalyzer.Analyze(Obfuscated).Commands.Count;

    [Benchmark(Description = "parse + classify: pathological 70 KB line (over the limit)")]
    public int AnalyzePathological70K() => ShellAnalyzer.Analyze(Pathological70K).Commands.Count;

    [Benchmark(Description = "parse + classify: pathological 63 KB line (parsed in full)")]
    public int AnalyzePathological63K() => ShellAnalyzer.Analyze(Pathological63K).Commands.Count;

    [Benchmark(Description = "decide typical line (3 engine evaluations)")]
    public DecisionEffect CheckTypical() => _shell.CheckAsync(Typical).AsTask().GetAwaiter().GetResult().Decision.Effect;
}
