using System.Numerics;
using Aidge.Core.Operators;
using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Kernels.Movement;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Indexing;

/// <summary>
/// Scatter, ScatterElements and ScatterND: a copy of the data in which the updates are written (reduction "none",
/// a later duplicate index wins) or combined with what is there (add, mul, max, min) at the indexed places.
/// </summary>
[Kernel("Scatter", SinceVersion = 9, LastVersion = 10)]
[Kernel("ScatterElements", SinceVersion = 11)]
[Kernel("ScatterND", SinceVersion = 11)]
public sealed class ScatterKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var data = context.Input(0);
        var indices = context.Input(1);
        var updates = context.Input(2);
        string reduction = context.GetString("reduction", "none");
        int[] offsets;
        int block;
        if (context.Node.OpType == "ScatterND")
        {
            (offsets, block) = IndexOffsets.OfTuples(indices, data.Dims, 0);
        }
        else
        {
            offsets = IndexOffsets.OfElements(indices, data.Dims, ShapeMath.NormalizeAxis(context.GetInt("axis"), data.Rank));
            block = 1;
        }
        if (updates.Length != offsets.Length * block)
        {
            throw new ArgumentException($"Updates {updates} do not match indices {indices}.");
        }
        var output = data.Clone();
        if (reduction != "none")
        {
            context.SetOutput(0, ElementTypes.Numeric<Reduce, Tensor>(data.Type, new Reduce(updates, output, offsets, block, reduction)));
            return;
        }
        for (int t = 0; t < offsets.Length; t++)
        {
            RawElements.Copy(updates, t * block, output, offsets[t], block);
        }
        context.SetOutput(0, output);
    }

    private readonly struct Reduce(Tensor updates, Tensor output, int[] offsets, int block, string reduction) : INumericFunction<Tensor>
    {
        public Tensor Invoke<T>()
            where T : unmanaged, INumber<T>, IMinMaxValue<T>
        {
            switch (reduction)
            {
                case "add": Combine<T, Add>(); break;
                case "mul": Combine<T, Multiply>(); break;
                case "max": Combine<T, Maximum>(); break;
                case "min": Combine<T, Minimum>(); break;
                default: throw new NotSupportedException($"Scatter reduction '{reduction}' is not supported.");
            }
            return output;
        }

        private void Combine<T, TCombiner>()
            where T : unmanaged, INumber<T>
            where TCombiner : ICombiner
        {
            var source = updates.Span<T>();
            var target = output.Span<T>();
            for (int t = 0; t < offsets.Length; t++)
            {
                for (int e = 0; e < block; e++)
                {
                    target[offsets[t] + e] = TCombiner.Apply(target[offsets[t] + e], source[t * block + e]);
                }
            }
        }
    }

    private interface ICombiner
    {
        static abstract T Apply<T>(T existing, T update)
            where T : INumber<T>;
    }

    private readonly struct Add : ICombiner
    {
        public static T Apply<T>(T existing, T update)
            where T : INumber<T> => existing + update;
    }

    private readonly struct Multiply : ICombiner
    {
        public static T Apply<T>(T existing, T update)
            where T : INumber<T> => existing * update;
    }

    private readonly struct Maximum : ICombiner
    {
        public static T Apply<T>(T existing, T update)
            where T : INumber<T> => T.Max(existing, update);
    }

    private readonly struct Minimum : ICombiner
    {
        public static T Apply<T>(T existing, T update)
            where T : INumber<T> => T.Min(existing, update);
    }
}
