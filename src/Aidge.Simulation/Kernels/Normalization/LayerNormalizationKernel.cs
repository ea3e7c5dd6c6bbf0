using System.Numerics.Tensors;
using Aidge.Core.Operators;
using Aidge.Core.Operators.Aidge;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;
using Tensor = Aidge.Core.Tensors.Tensor;

namespace Aidge.Simulation.Kernels.Normalization;

/// <summary>
/// LayerNormalization and RMSNormalization: each row of the trailing dims from <c>axis</c> is standardized
/// (centred for LayerNormalization only), then scaled and, for LayerNormalization, shifted.
/// </summary>
[Kernel("LayerNormalization", SinceVersion = 17)]
[Kernel("LayerNormalization", Domain = AidgeDomain.Name)]
[Kernel("RMSNormalization", SinceVersion = 23)]
public sealed class LayerNormalizationKernel : FloatingPointKernel
{
    protected override void Execute<T>(KernelContext context)
    {
        var x = context.Input(0);
        var scale = context.Input(1);
        var bias = context.Node.OpType == "LayerNormalization" ? context.OptionalInput(2) : null;
        bool center = context.Node.OpType == "LayerNormalization";
        int axis = ShapeMath.NormalizeAxis(context.GetInt("axis"), x.Rank);
        T epsilon = T.CreateTruncating(context.GetFloat("epsilon"));
        int rowLength = 1;
        for (int i = axis; i < x.Rank; i++)
        {
            rowLength = checked(rowLength * (int)x.Dims[i]);
        }
        int rows = rowLength == 0 ? 0 : x.Length / rowLength;
        var (scales, scalePerRow) = RowStandardization.ExpandOperand(ValuesAs<T>(scale), scale.Dims, x.Dims, axis);
        var (biases, biasPerRow) = bias is null ? (null, false) : RowStandardization.ExpandOperand(ValuesAs<T>(bias), bias.Dims, x.Dims, axis);
        ReadOnlySpan<T> input = x.Span<T>();
        var y = new T[x.Length];
        var means = new T[rows];
        var inverses = new T[rows];
        for (int r = 0; r < rows; r++)
        {
            var row = y.AsSpan(r * rowLength, rowLength);
            (means[r], inverses[r]) = RowStandardization.Standardize(input.Slice(r * rowLength, rowLength), row, epsilon, center);
            TensorPrimitives.Multiply(row, scales.AsSpan(scalePerRow ? r * rowLength : 0, rowLength), row);
            if (biases is not null)
            {
                TensorPrimitives.Add(row, biases.AsSpan(biasPerRow ? r * rowLength : 0, rowLength), row);
            }
        }
        context.SetOutput(0, TensorOf<T>(context.OutputType(0), x.Dims, y));
        var statisticsDims = x.Dims.Select((d, i) => i < axis ? d : 1L).ToArray();
        if (context.HasOutput(1))
        {
            context.SetOutput(1, TensorOf<T>(context.OutputType(1), statisticsDims, means));
        }
        if (context.HasOutput(2))
        {
            context.SetOutput(2, TensorOf<T>(context.OutputType(2), statisticsDims, inverses));
        }
    }
}
