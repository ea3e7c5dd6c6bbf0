using System.Globalization;
using Aidge.Core.Tensors;
using Aidge.Export.C;

namespace Aidge.Export.Plan;

/// <summary>
/// A <c>static const</c> table of integers computed when compiling (per-channel multipliers, shifts, zero-point
/// corrections), which a <see cref="KernelCall"/> names in its arguments. Named after a hash of its type and values,
/// so equal tables are written once and the name is the same on every build. A <see cref="Device"/> table lives in CUDA
/// device memory (<c>static __device__ const</c>): kernels read it by name, host code cannot.
/// </summary>
public sealed record ConstantTable(DataType Type, EquatableArray<long> Values) : CHelper
{
    private const int ValuesPerLine = 12;

    /// <summary>Whether the table is CUDA device memory, read by the kernels that name it.</summary>
    public bool Device { get; init; }

    public override string Name => $"aidge_{(Device ? "cu_" : string.Empty)}table_{CTypes.Tag(Type)}_{Hash():x16}";

    public override string Code()
    {
        var w = new CSourceWriter();
        w.Line($"static {(Device ? "__device__ " : string.Empty)}const {CTypes.Of(Type)} {Name}[{Math.Max(1, Values.Count)}] = {{");
        if (Values.Count == 0)
        {
            w.Line("    0");
        }
        for (int i = 0; i < Values.Count; i += ValuesPerLine)
        {
            var line = Values.Skip(i).Take(ValuesPerLine).Select(v => v.ToString(CultureInfo.InvariantCulture));
            w.Line($"    {string.Join(", ", line)},");
        }
        w.Line("};");
        return w.ToString();
    }

    /// <summary>FNV-1a over the type and the values: stable across runs and machines, unlike <see cref="object.GetHashCode"/>.</summary>
    private ulong Hash()
    {
        ulong hash = 14695981039346656037UL;
        foreach (long value in Values.Prepend((long)Type))
        {
            for (int shift = 0; shift < 64; shift += 8)
            {
                hash = (hash ^ (byte)(value >> shift)) * 1099511628211UL;
            }
        }
        return hash;
    }
}
