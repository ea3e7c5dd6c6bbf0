using Aidge.Export.C;

namespace Aidge.Export.Cuda;

/// <summary>Brace lists for CUDA launcher arguments: small fixed-size tables that fill a struct passed to a kernel by value.</summary>
public static class CudaBraces
{
    /// <summary>A brace list of int64 values: <c>{1, 2, 3}</c> (<c>{0}</c> when empty, as a rank-0 table is never read).</summary>
    public static string List(IEnumerable<long> values)
    {
        var list = values.ToList();
        return $"{{{(list.Count == 0 ? "0" : string.Join(", ", list.Select(CLiteral.Int)))}}}";
    }
}
