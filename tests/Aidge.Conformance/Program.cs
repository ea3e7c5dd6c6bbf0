using Aidge.Conformance;

// aidge-conformance [filter...] [--out FILE] [--failures-only]
//   Runs the ONNX backend conformance cases whose "<folder>/<case>" contains any filter (all without filters).
// aidge-conformance --ops
//   Prints the operator support matrix, the same as `aidgec ops`.
if (args is ["--ops"])
{
    return Aidge.Compiler.Commands.OpsCommand.Run(Console.Out);
}

var filters = new List<string>();
string output = Path.Combine(ConformanceSuite.RepositoryRoot(), "artifacts", "conformance", "simulator.txt");
bool failuresOnly = false;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out" when i + 1 < args.Length:
            output = args[++i];
            break;
        case "--failures-only":
            failuresOnly = true;
            break;
        default:
            filters.Add(args[i]);
            break;
    }
}

string dataRoot = ConformanceSuite.DataRoot();
if (!Directory.Exists(dataRoot))
{
    Console.Error.WriteLine($"aidge-conformance: error: no conformance data at {dataRoot}; set AIDGE_ONNX_TESTS.");
    return 2;
}
var lockObject = new object();
var results = ConformanceSuite.Run(dataRoot, filters, r =>
{
    if (!failuresOnly || r.Status != CaseStatus.Passed)
    {
        lock (lockObject)
        {
            Console.WriteLine(r);
        }
    }
});
if (filters.Count == 0)
{
    ConformanceReport.Write(output, results);
    Console.WriteLine($"wrote {output}");
}
foreach (var line in ConformanceReport.SummaryLines(results))
{
    Console.WriteLine(line);
}
return 0;
