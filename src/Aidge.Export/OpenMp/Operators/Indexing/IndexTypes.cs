using Aidge.Core.Tensors;

namespace Aidge.Export.OpenMp.Operators.Indexing;

/// <summary>The index element types of Gather, GatherElements and friends; C reads each index as int64 after normalizing negatives.</summary>
public static class IndexTypes
{
    public static readonly DataType[] All = [DataType.Int32, DataType.Int64];
}
