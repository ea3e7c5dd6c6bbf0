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

    /// <summary>The name of the fixed-point registry, which its emitters read back from <see cref="NodeContext.TargetName"/> (<see cref="HlsNumbers.Of(NodeContext)"/>).</summary>
    public const string FixedTargetName = "HLS fixed-point";

    private static readonly Lazy<EmitterRegistry> Default = new(() => EmitterRegistry.FromAssembly<HlsEmitterAttribute>(typeof(HlsEmitters).Assembly, TargetName));

    private static readonly Lazy<KernelTarget> DefaultTarget = new(() => new KernelTarget(Registry, HlsCopy.Call));

    private static readonly Lazy<EmitterRegistry> Fixed = new(() => EmitterRegistry.FromAssembly<HlsFixedEmitterAttribute>(typeof(HlsEmitters).Assembly, FixedTargetName));

    private static readonly Lazy<KernelTarget> DefaultFixedTarget = new(() => new KernelTarget(FixedRegistry, HlsCopy.Call));

    public static EmitterRegistry Registry => Default.Value;

    /// <summary>The HLS target for <see cref="KernelPlanner"/> and the memory planner (whose offsets HLS ignores: every tensor is its own array).</summary>
    public static KernelTarget Target => DefaultTarget.Value;

    /// <summary>The emitters of fixed-point designs (<see cref="HlsFixedEmitterAttribute"/>): the operators the fixed-point error bound covers.</summary>
    public static EmitterRegistry FixedRegistry => Fixed.Value;

    /// <summary>The HLS target of a fixed-point design: the same planning, with <see cref="FixedRegistry"/>.</summary>
    public static KernelTarget FixedTarget => DefaultFixedTarget.Value;
}
