using System.Text.RegularExpressions;
using AgentGuard.Shell;
using AgentGuard.TestSupport;

namespace AgentGuard.Shell.Tests;

/// <summary>
/// Every source-generated pattern of the shell package, fed texts made of its own words: none may throw. A pattern of
/// the shape the .NET 10.0.12 regex generator mis-compiles (dotnet/runtime#129511) would let a command line turn the
/// analyser's answer into an exception. Iterations per pattern: <see cref="GeneratedPatternFuzz.IterationsPerPattern"/>.
/// </summary>
public sealed class ShellPatternFaultTests
{
    private static readonly Regex[] Patterns = GeneratedPatternFuzz.Patterns(typeof(ShellAnalyzer).Assembly);

    [Fact]
    public void EveryGeneratedPattern_OnTextsThatFollowItPartway_DoesNotThrow()
    {
        Patterns.Should().HaveCountGreaterThan(20, "the shell package's generated patterns are found");
        foreach (var pattern in Patterns)
        {
            GeneratedPatternFuzz.NoneThrows(pattern, GeneratedPatternFuzz.IterationsPerPattern);
        }
    }
}
