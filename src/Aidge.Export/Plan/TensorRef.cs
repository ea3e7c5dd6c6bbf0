using Aidge.Core.Tensors;
using Aidge.Export.C;

namespace Aidge.Export.Plan;

/// <summary>Where a tensor lives at run time.</summary>
public enum BufferKind
{
    /// <summary>The caller's input buffer <c>inputs[Index]</c>.</summary>
    Input,

    /// <summary>The caller's output buffer <c>outputs[Index]</c>.</summary>
    Output,

    /// <summary>The context's activation arena at a byte offset.</summary>
    Arena,

    /// <summary>The read-only weights blob at a byte offset.</summary>
    Weights,
}

/// <summary>A tensor of the plan: its element type, static dims, and its buffer (a caller buffer index or a byte offset).</summary>
public sealed record TensorRef(string Name, DataType Type, EquatableArray<long> Dims, BufferKind Kind, long Location)
{
    public long ElementCount
    {
        get
        {
            long count = 1;
            foreach (long d in Dims)
            {
                count *= d;
            }
            return count;
        }
    }

    public long Bytes => ElementCount * Type.SizeOf();

    public int Rank => Dims.Count;

    public string CType => CTypes.Of(Type)!;

    /// <summary>A read-only pointer expression, valid inside the generated <c>run</c> function.</summary>
    public string Read => Kind switch
    {
        BufferKind.Input => $"((const {CType}*)inputs[{Location}])",
        BufferKind.Output => $"((const {CType}*)outputs[{Location}])",
        BufferKind.Arena => $"((const {CType}*)(arena + {Location}))",
        _ => $"((const {CType}*)(weights + {Location}))",
    };

    /// <summary>A writable pointer expression; inputs and weights are never written.</summary>
    public string Write => Kind switch
    {
        BufferKind.Output => $"(({CType}*)outputs[{Location}])",
        BufferKind.Arena => $"(({CType}*)(arena + {Location}))",
        _ => throw new InvalidOperationException($"Tensor '{Name}' is read-only ({Kind})."),
    };
}
