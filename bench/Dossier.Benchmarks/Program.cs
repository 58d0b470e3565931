using BenchmarkDotNet.Running;

// Run all benchmarks: dotnet run -c Release --project bench/Dossier.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
