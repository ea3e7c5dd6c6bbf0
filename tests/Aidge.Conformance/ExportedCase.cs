using Aidge.Core.Graphs;
using Aidge.Core.Tensors;
using Aidge.Export.Plan;

namespace Aidge.Conformance;

/// <summary>A conformance case a kernel-based target exported: its folder, plan (prefix, input and output tensors) and test data sets.</summary>
public sealed record ExportedCase(string Folder, string Case, string Directory, ExportPlan Plan, IReadOnlyList<string> DataSets);

/// <summary>A conformance case's graph ready to plan (<see cref="CaseExporter.Load"/>): its compile-time values and its test data sets.</summary>
public sealed record LoadedCase(Graph Graph, Func<Value, Tensor?> Known, IReadOnlyList<string> DataSets);
