using Sync.Bench;

// Sync.Bench: a plain Release console harness (no BenchmarkDotNet).
//   generate [--size-gb 1.0] [--out bench/out] [--source <zip or log>]   build a large event log from real events
//   run [--dir bench/out] [--repeat 3] [--cpu N] [--no-unpinned] [--profile] measure each file in fresh child processes
//   measure <reader|lines|json|buffered-lines> <file>                    (child) one measurement, one JSON line on stdout
//   recommend [--log FILE] [--report FILE] [--repeat 3]                   time a full recommendation on a log
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Sync.Bench generate [--size-gb 1.0] [--out bench/out] | run [--dir bench/out] [--repeat 3] | measure <mode> <file>");
    return 2;
}

var rest = args[1..];
return args[0] switch
{
    "generate" => Generator.Run(rest),
    "run" => Runner.Run(rest),
    "measure" => Measure.Run(rest),
    "recommend" => RecommendBench.Run(rest),
    _ => Usage(args[0]),
};

static int Usage(string command)
{
    Console.Error.WriteLine($"unknown command '{command}': use generate, run or measure");
    return 2;
}
