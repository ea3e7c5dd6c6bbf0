using Aidge.Core.Diagnostics;
using Aidge.Core.Tensors;

namespace Aidge.Compiler.Data;

/// <summary>
/// <c>SampleLabels</c>: the class index of every row of the sample input (a .npy or .pb of integers, [N] or [N,1]),
/// for the accuracy of the original and the optimized model.
/// </summary>
public static class SampleLabels
{
    public static long[] Load(string path)
    {
        var labels = SampleData.ReadTensor(path);
        if (!labels.Type.IsInteger() || labels.Rank is not (1 or 2) || (labels.Rank == 2 && labels.Dims[1] != 1))
        {
            throw new AidgeException(DiagnosticCodes.DataMismatch,
                $"The label file {path} holds {labels}; labels must be integer class indices, one per sample row: an array [N] (or [N,1]) of int64, int32 or uint8.", path);
        }
        var values = Enumerable.Range(0, labels.Length).Select(labels.GetInt64).ToArray();
        int negative = Array.FindIndex(values, v => v < 0);
        if (negative >= 0)
        {
            throw new AidgeException(DiagnosticCodes.DataMismatch, $"The label file {path} holds {values[negative]} at index {negative}; labels are class indices, 0 or more.", path);
        }
        return values;
    }
}
