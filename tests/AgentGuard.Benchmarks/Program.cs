using BenchmarkDotNet.Running;

// Run all:      dotnet run -c Release --project tests/AgentGuard.Benchmarks -- --filter '*'
// Run one area: dotnet run -c Release --project tests/AgentGuard.Benchmarks -- --filter '*Engine*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
