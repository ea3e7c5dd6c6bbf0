using Aidge.Export.Plan;

namespace Aidge.Conformance;

/// <summary>A conformance case a kernel-based target exported: its folder, plan (prefix, input and output tensors) and test data sets.</summary>
public sealed record ExportedCase(string Folder, string Case, string Directory, ExportPlan Plan, IReadOnlyList<string> DataSets);
