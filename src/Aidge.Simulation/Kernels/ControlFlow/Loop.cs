using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.ControlFlow;

/// <summary>
/// Loop: runs the body while the iteration count is below M (when given) and the condition holds. The body
/// receives (iteration, cond, carried...) and returns (cond, carried..., scan elements...); carried values may
/// be tensors, sequences or optionals, scan elements are stacked along a new leading axis.
/// </summary>
[Kernel("Loop", SinceVersion = 1, WidenHalfPrecision = false)]
public sealed class LoopKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var body = context.Node.GetGraph("body")!;
        long maxIterations = context.OptionalInput(0) is { } m ? m.GetInt64(0) : long.MaxValue;
        bool cond = context.OptionalInput(1) is not { } c || IsTrue(c);
        int carriedCount = context.InputCount - 2;
        var carried = new object?[carriedCount];
        for (int i = 0; i < carriedCount; i++)
        {
            carried[i] = context.InputValue(2 + i);
        }
        var scans = new ScanOutputs(body.Outputs.Count - 1 - carriedCount);
        var bodyInputs = new object?[2 + carriedCount];
        for (long iteration = 0; iteration < maxIterations && cond; iteration++)
        {
            bodyInputs[0] = Tensor.Scalar(iteration);
            bodyInputs[1] = Tensor.FromSpan<byte>(DataType.Bool, Array.Empty<long>(), new[] { cond ? (byte)1 : (byte)0 });
            carried.CopyTo(bodyInputs, 2);
            var results = context.RunSubgraph(body, bodyInputs);
            // The implementations the conformance data comes from update the condition from the body even
            // when the node has no cond input.
            cond = IsTrue(results[0] as Tensor ?? throw new ArgumentException("The Loop body must return a boolean condition."));
            Array.Copy(results, 1, carried, 0, carriedCount);
            for (int k = 0; k < results.Length - 1 - carriedCount; k++)
            {
                scans.Add(k, results[1 + carriedCount + k]);
            }
        }
        for (int i = 0; i < context.OutputCount; i++)
        {
            if (context.HasOutput(i))
            {
                context.SetOutputValue(i, i < carriedCount ? carried[i] : scans.Build(i - carriedCount, 0, reverse: false, context.Node.Output(i)));
            }
        }
    }

    private static bool IsTrue(Tensor cond) =>
        cond.Length == 1 ? cond.GetDouble(0) != 0 : throw new ArgumentException($"A Loop condition must have one element, got {cond}.");
}
