using Aidge.Core.Tensors;
using Aidge.Simulation.Kernels.Common;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Text;

/// <summary>StringConcat: x + y per element of the broadcast shape.</summary>
[Kernel("StringConcat", SinceVersion = 20)]
public sealed class StringConcatKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Input(1);
        var plan = BroadcastPlan.Create(x.Dims, y.Dims);
        var result = Tensor.Create(DataType.String, plan.OutputDims);
        Broadcast.Combine<PerElement<Concatenation, string, string, string>, string, string, string>(
            plan, x.Strings, y.Strings, result.Strings, default);
        context.SetOutput(0, result);
    }

    private readonly struct Concatenation : IBinaryFunction<string, string, string>
    {
        public string Invoke(string x, string y) => string.Concat(x, y);
    }
}
