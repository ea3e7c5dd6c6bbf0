using Aidge.Compiler.Data;
using Aidge.Core.Tensors;

namespace Aidge.Compiler.Verification;

/// <summary>
/// The inputs the original and the optimized graph are compared on: the user's <c>SampleInput</c> (with
/// <c>SampleLabels</c> when given), or <see cref="RandomCount"/> seeded random samples of the declared shapes.
/// </summary>
/// <param name="Description">Where the samples come from, for messages and the report.</param>
/// <param name="IsRandom">True for seeded random samples, on which agreement figures are only indicative.</param>
public sealed record VerificationSamples(string Description, bool IsRandom, IReadOnlyList<IReadOnlyDictionary<string, Tensor>> Feeds, long[]? Labels)
{
    /// <summary>Enough random samples for an agreement figure to mean something (one sample gives 0 % or 100 %), few enough to stay cheap.</summary>
    public const int RandomCount = 32;

    public static VerificationSamples Random(IReadOnlyList<InputSlot> inputs) =>
        new($"{RandomCount} seeded random samples", true, RandomInputs.Samples(inputs, RandomCount), null);

    public static VerificationSamples Load(string sampleInput, string? sampleLabels, IReadOnlyList<InputSlot> inputs) =>
        new($"the sample input {Path.GetFileName(sampleInput)}", false, SampleData.Load(sampleInput, inputs), sampleLabels is null ? null : SampleLabels.Load(sampleLabels));
}
