using Aidge.Export.Cuda;
using Aidge.Export.Kernels;
using Aidge.Export.Hls;
using Aidge.Export.OpenMp;

namespace Aidge.Compiler.Targets;

/// <summary>The targets <c>aidgec compile</c> knows, by <c>--target</c> name.</summary>
public static class CompileTargets
{
    public static readonly IReadOnlyList<ICompileTarget> All = [new OpenMpCompileTarget(), new CudaCompileTarget(), new HlsCompileTarget()];

    /// <summary>Each target's emitter registry, in the columns of <c>aidgec ops</c>.</summary>
    public static IReadOnlyList<EmitterRegistry> Emitters => [OpenMpEmitters.Registry, CudaEmitters.Registry, HlsEmitters.Registry, HlsEmitters.FixedRegistry];

    public static string Names => string.Join(", ", All.Select(t => t.Name));

    public static ICompileTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
