using AgentGuard.Benchmarks;
using BenchmarkDotNet.Running;

// Run all:      dotnet run -c Release --project tests/AgentGuard.Benchmarks -- --filter '*'
// Run one area: dotnet run -c Release --project tests/AgentGuard.Benchmarks -- --filter '*Engine*'
// Session memory (not a timing benchmark): dotnet run -c Release --project tests/AgentGuard.Benchmarks -- --session-memory
if (args.Contains("--session-memory"))
{
    SessionMemory.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
