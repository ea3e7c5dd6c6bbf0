using Aidge.Core.Graphs;
using Aidge.Core.Tensors;

namespace Aidge.Core.Operators.Signal;

/// <summary>MelWeightMatrix (17): a [floor(dft_length / 2) + 1, num_mel_bins] matrix of triangular mel filters.</summary>
public sealed class MelWeightMatrix : IOperatorFamily
{
    public void Register(OperatorRegistry registry) =>
        registry.Add("MelWeightMatrix", 17).Inputs(5).Outputs(1)
            .Attr(OutputDataType.Attribute, AttributeKind.Int, (long)DataType.Float)
            .Infer(context =>
            {
                Dim bins = context.ConstantInput(1) is { Length: 1 } dftLength ? dftLength.GetInt64(0) / 2 + 1 : Dim.Unknown;
                Dim melBins = context.ConstantInput(0) is { Length: 1 } count ? count.GetInt64(0) : Dim.Unknown;
                context.SetOutput(0, OutputDataType.Of(context.GetInt(OutputDataType.Attribute)), new Shape([bins, melBins]));
            });
}
