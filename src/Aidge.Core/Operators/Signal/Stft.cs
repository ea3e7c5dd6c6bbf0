using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Signal;

/// <summary>
/// STFT (17): [batch, signal_length, 1 or 2] to [batch, frames, bins, 2] where frames =
/// (signal_length - frame_length) / frame_step + 1 and bins is frame_length, or frame_length / 2 + 1 when one-sided.
/// frame_length comes from its input or, failing that, the window's length.
/// </summary>
public sealed class Stft : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("STFT", 17).Inputs(2, 4).Outputs(1)
            .Attr("onesided", AttributeKind.Int, 1L)
            .Infer(Infer);

    private static void Infer(InferenceContext context)
    {
        var signal = context.InputShape(0);
        if (signal is { Rank: not 3 })
        {
            throw context.Fail($"the signal must be [batch, length, 1 or 2], not {signal}.");
        }
        long? frameLength = context.HasInput(3)
            ? context.ConstantInput(3) is { Length: 1 } length ? length.GetInt64(0) : null
            : context.InputShape(2) is { Rank: 1 } window ? window[0].Value : null;
        long? step = context.ConstantInput(1) is { Length: 1 } frameStep ? frameStep.GetInt64(0) : null;
        Dim frames = signal?[1].Value is long n && frameLength is long l && step is long s && s > 0 ? (n - l) / s + 1 : Dim.Unknown;
        Dim bins = frameLength is long f ? context.GetInt("onesided") != 0 ? f / 2 + 1 : f : Dim.Unknown;
        context.SetOutput(0, context.InputElementType(0), new Shape([signal?[0] ?? Dim.Unknown, frames, bins, 2]));
    }
}
