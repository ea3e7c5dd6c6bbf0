using Aidge.Export.Plan;

namespace Aidge.Export.Kernels;

/// <summary>
/// Trilu for every kernel-based target: the input as <paramref name="Matrices"/> [rows, cols] matrices, which triangle
/// is kept, and the diagonal offset k: a constant (0 when absent), or <paramref name="KTensor"/> when known only at run time.
/// </summary>
public sealed record TriluShape(long Matrices, long Rows, long Cols, bool Upper, long K, TensorRef? KTensor)
{
    public static TriluShape Of(NodeContext node)
    {
        var input = node.Input(0);
        if (input.Rank < 2)
        {
            throw node.Unsupported("needs an input of rank 2 or more");
        }
        long rows = input.Dims[^2];
        long cols = input.Dims[^1];
        var constant = node.HasInput(1) ? node.ConstantInput(1) : null;
        var runtime = node.HasInput(1) && constant is null ? node.Input(1) : null;
        return new TriluShape(rows * cols == 0 ? 0 : input.ElementCount / (rows * cols), rows, cols, node.GetInt("upper") != 0, constant?.GetInt64(0) ?? 0, runtime);
    }
}
