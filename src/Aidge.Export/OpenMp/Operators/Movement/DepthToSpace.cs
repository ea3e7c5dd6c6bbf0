using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Movement;

/// <summary>
/// DepthToSpace and SpaceToDepth over [N, C, H, W] with block b, as one view each (any element type): the output is
/// walked as a 6-D index space in its own order, each axis reading the input with the stride of the block or pixel it
/// stands for. DepthToSpace walks [N, C', H, b, W, b] (input channel (b1·b + b2)·C' + c' in DCR mode, c'·b² + b1·b + b2
/// in CRD); SpaceToDepth walks [N, b, b, C, H', W'] (input pixel (h'·b + b1, w'·b + b2)).
/// </summary>
[OpenMpEmitter("DepthToSpace")]
[OpenMpEmitter("SpaceToDepth")]
public sealed class DepthToSpace : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var input = node.Input(0);
        long b = node.GetInt("blocksize");
        if (input.Rank != 4 || b <= 0)
        {
            throw node.Unsupported("needs a 4-D input and a positive blocksize");
        }
        long n = input.Dims[0], c = input.Dims[1], h = input.Dims[2], w = input.Dims[3];
        long plane = h * w;
        long[] dims, strides;
        if (node.Node.OpType == "SpaceToDepth")
        {
            dims = [n, b, b, c, h / b, w / b];
            strides = [c * plane, w, 1, plane, b * w, b];
        }
        else
        {
            long depth = c / (b * b);
            bool crd = node.GetString("mode") == "CRD";
            dims = [n, depth, h, b, w, b];
            strides = crd
                ? [c * plane, b * b * plane, w, b * plane, 1, plane]
                : [c * plane, plane, w, b * depth * plane, 1, depth * plane];
        }
        yield return ViewCopy.Into(input, 0, strides, node.Output(0), dims);
    }
}
