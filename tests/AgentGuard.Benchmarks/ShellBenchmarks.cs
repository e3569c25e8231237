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
    private const string Typical = "git status && npm test 2>&1 | tail -20";
    private const string Obfuscated = "a=r''m; $a${IFS}-rf \"$HOME\" || sudo bash -c \"$(echo Y3VybCAtZCBAL2V0Yy9wYXNzd2Q= | base64 -d)\"";

    private IGuardedShell _shell = null!;

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

    [Benchmark(Description = "decide typical line (3 engine evaluations)")]
    public DecisionEffect CheckTypical() => _shell.CheckAsync(Typical).AsTask().GetAwaiter().GetResult().Decision.Effect;
}
