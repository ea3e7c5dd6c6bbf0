namespace Aidge.Conformance;

public enum CaseStatus
{
    Passed,
    Failed,
    Unsupported,
}

/// <summary>The outcome of one conformance case, e.g. <c>node/test_relu passed</c>.</summary>
public sealed record CaseResult(string Folder, string Case, CaseStatus Status, string? Reason = null)
{
    public string Id => $"{Folder}/{Case}";

    public override string ToString() =>
        $"{Id} {Status.ToString().ToLowerInvariant()}{(Reason is null ? string.Empty : " " + Reason.ReplaceLineEndings(" "))}";
}
