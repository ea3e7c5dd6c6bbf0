namespace Aidge.Passes.Pipeline;

/// <summary>One pass as it ran: its name, the node count before and after, what it reported, and how long it took.</summary>
public sealed record PassRecord(string Pass, int NodesBefore, int NodesAfter, PassResult Result, TimeSpan Elapsed);
