using Aidge.Export.Cuda.Operators;

namespace Aidge.Export.Cuda;

/// <summary>The CUDA target's emitters: every class of this assembly marked <see cref="CudaEmitterAttribute"/>.</summary>
public static class CudaEmitters
{
    public const string TargetName = "CUDA";

    private static readonly Lazy<EmitterRegistry> Default = new(() => EmitterRegistry.FromAssembly<CudaEmitterAttribute>(typeof(CudaEmitters).Assembly, TargetName));

    private static readonly Lazy<KernelTarget> DefaultTarget = new(() => new KernelTarget(Registry, CudaCopy.Call));

    public static EmitterRegistry Registry => Default.Value;

    /// <summary>The CUDA target for <see cref="KernelPlanner"/> and the memory planner.</summary>
    public static KernelTarget Target => DefaultTarget.Value;
}
