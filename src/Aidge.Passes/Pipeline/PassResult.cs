namespace Aidge.Passes.Pipeline;

/// <summary>
/// What a pass changed, for the report: rewrites it made (one per pattern instance it replaced), nodes it removed
/// and added, and the parameter bytes it saved. The pass manager adds node counts before and after.
/// </summary>
public sealed record PassResult(int Rewrites, int NodesRemoved, int NodesAdded, long BytesSaved, IReadOnlyList<string> Notes)
{
    public static PassResult Unchanged { get; } = new(0, 0, 0, 0, []);

    public bool Changed => Rewrites > 0 || NodesRemoved > 0 || NodesAdded > 0 || BytesSaved != 0;

    public PassResult Plus(PassResult other) => new(
        Rewrites + other.Rewrites,
        NodesRemoved + other.NodesRemoved,
        NodesAdded + other.NodesAdded,
        BytesSaved + other.BytesSaved,
        [.. Notes, .. other.Notes]);
}
