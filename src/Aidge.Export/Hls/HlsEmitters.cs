using Aidge.Export.Hls.Operators;

namespace Aidge.Export.Hls;

/// <summary>
/// The HLS target's emitters: every class of this assembly marked <see cref="HlsEmitterAttribute"/>. Each returns one
/// <see cref="Plan.KernelCall"/> whose helper is an <see cref="Model.HlsLayer"/> (the layer's function, over the node's
/// own tensors); the <see cref="KernelPlanner"/> does the rest as for the other targets (emitter lookup, static shapes,
/// constant data, diagnostics per node), and <see cref="HlsProgram"/> turns its plan into arrays and layer calls.
/// </summary>
public static class HlsEmitters
{
    public const string TargetName = "HLS";

    private static readonly Lazy<EmitterRegistry> Default = new(() => EmitterRegistry.FromAssembly<HlsEmitterAttribute>(typeof(HlsEmitters).Assembly, TargetName));

    private static readonly Lazy<KernelTarget> DefaultTarget = new(() => new KernelTarget(Registry, HlsCopy.Call));

    public static EmitterRegistry Registry => Default.Value;

    /// <summary>The HLS target for <see cref="KernelPlanner"/> and the memory planner (whose offsets HLS ignores: every tensor is its own array).</summary>
    public static KernelTarget Target => DefaultTarget.Value;
}
