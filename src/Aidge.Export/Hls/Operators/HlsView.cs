using Aidge.Export.Hls.Model;

namespace Aidge.Export.Hls.Operators;

/// <summary>
/// The loop nest of the data movement layers: one loop per dim of a region (the last per output), the target element
/// at <c>to + Σ i·targetStrides</c> taking the source element at <c>from + Σ i·sourceStrides</c>. The offsets and
/// strides come from the shared analyses (<see cref="MovementViews"/>, <see cref="BroadcastStrides"/>).
/// </summary>
public static class HlsView
{
    public static void Copy(HlsBody body, long[] dims, string source, long from, long[] sourceStrides, string target, long to, long[] targetStrides)
    {
        var read = new List<string> { from.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var write = new List<string> { to.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        for (int d = 0; d < dims.Length; d++)
        {
            body.For($"i{d}", dims[d], d == dims.Length - 1 ? HlsLoopRole.PerOutput : HlsLoopRole.Outer);
            read.Add($"i{d} * {sourceStrides[d]}");
            write.Add($"i{d} * {targetStrides[d]}");
        }
        if (dims.Length == 0)
        {
            body.For("i", 1, HlsLoopRole.PerOutput);
        }
        body.Line($"{target}[{string.Join(" + ", write)}] = {source}[{string.Join(" + ", read)}];");
        HlsLoops.Close(body, Math.Max(1, dims.Length));
    }

    /// <summary>The whole output <paramref name="target"/> (dense, <paramref name="dims"/>) read from <paramref name="source"/> through strides.</summary>
    public static void Gather(HlsBody body, long[] dims, string source, long from, long[] sourceStrides, string target) =>
        Copy(body, dims, source, from, sourceStrides, target, 0, TensorLayout.Strides(dims));
}
