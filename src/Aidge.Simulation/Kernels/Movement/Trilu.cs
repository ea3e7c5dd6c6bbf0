using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Movement;

/// <summary>Trilu: in each row i of each matrix, the kept columns form one run (j ≥ i + k for upper, j ≤ i + k for lower).</summary>
[Kernel("Trilu", SinceVersion = 14, WidenHalfPrecision = false)]
public sealed class TriluKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        if (input.Rank < 2)
        {
            throw new ArgumentException($"Trilu needs at least 2 dims, got {input}.");
        }
        long k = context.OptionalInput(1)?.GetInt64(0) ?? 0;
        bool upper = context.GetInt("upper") != 0;
        long rows = input.Dims[^2], columns = input.Dims[^1];
        var output = Tensor.Create(input.Type, input.Dims);
        long matrices = rows * columns == 0 ? 0 : input.Length / (rows * columns);
        for (long matrix = 0; matrix < matrices; matrix++)
        {
            for (long i = 0; i < rows; i++)
            {
                long first = upper ? Math.Clamp(i + k, 0, columns) : 0;
                long end = upper ? columns : Math.Clamp(i + k + 1, 0, columns);
                int rowStart = (int)((matrix * rows + i) * columns);
                if (end > first)
                {
                    RawElements.Copy(input, rowStart + (int)first, output, rowStart + (int)first, (int)(end - first));
                }
            }
        }
        context.SetOutput(0, output);
    }
}
