using Aidge.Core.Tensors;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Movement;

/// <summary>
/// DepthToSpace and SpaceToDepth as ONNX defines them: a 6-D view of the NCHW input, a transpose, and a
/// 4-D view of the result.
/// </summary>
[Kernel("DepthToSpace", WidenHalfPrecision = false)]
[Kernel("SpaceToDepth", WidenHalfPrecision = false)]
public sealed class DepthToSpaceKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        var input = context.Input(0);
        long b = context.GetInt("blocksize");
        if (input.Rank != 4 || b <= 0)
        {
            throw new ArgumentException($"{context.Node.OpType} needs a 4-D input and a positive blocksize, got {input} and {b}.");
        }
        long n = input.Dims[0], c = input.Dims[1], h = input.Dims[2], w = input.Dims[3];
        Tensor output;
        if (context.Node.OpType == "SpaceToDepth")
        {
            Require(h % b == 0 && w % b == 0, input, b);
            var view = input.Reshape(n, c, h / b, b, w / b, b);
            output = TransposeKernel.Permute(view, [0, 3, 5, 1, 2, 4]).Reshape(n, c * b * b, h / b, w / b);
        }
        else
        {
            Require(c % (b * b) == 0, input, b);
            bool crd = context.OpsetVersion >= 11 && context.GetString("mode") == "CRD";
            var view = crd ? input.Reshape(n, c / (b * b), b, b, h, w) : input.Reshape(n, b, b, c / (b * b), h, w);
            int[] perm = crd ? [0, 1, 4, 2, 5, 3] : [0, 3, 4, 1, 5, 2];
            output = TransposeKernel.Permute(view, perm).Reshape(n, c / (b * b), h * b, w * b);
        }
        context.SetOutput(0, output);
    }

    private static void Require(bool divisible, Tensor input, long blocksize)
    {
        if (!divisible)
        {
            throw new ArgumentException($"blocksize {blocksize} does not divide the dims of {input}.");
        }
    }
}
