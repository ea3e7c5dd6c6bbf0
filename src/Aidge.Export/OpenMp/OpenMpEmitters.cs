using Aidge.Export.OpenMp.Operators;

namespace Aidge.Export.OpenMp;

/// <summary>The OpenMP target's emitters: every class of this assembly marked <see cref="OpenMpEmitterAttribute"/>.</summary>
public static class OpenMpEmitters
{
    public const string TargetName = "OpenMP";

    private static readonly Lazy<EmitterRegistry> Default = new(() => EmitterRegistry.FromAssembly<OpenMpEmitterAttribute>(typeof(OpenMpEmitters).Assembly, TargetName));

    private static readonly Lazy<KernelTarget> DefaultTarget = new(() => new KernelTarget(Registry, Copy.Call));

    public static EmitterRegistry Registry => Default.Value;

    /// <summary>The OpenMP target for <see cref="KernelPlanner"/> and the memory planner.</summary>
    public static KernelTarget Target => DefaultTarget.Value;
}
