using BenchmarkDotNet.Running;

namespace Deconflict.Benchmarks;

/// <summary>Run with: dotnet run -c Release --project bench/Deconflict.Benchmarks -- --filter '*'</summary>
internal static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
