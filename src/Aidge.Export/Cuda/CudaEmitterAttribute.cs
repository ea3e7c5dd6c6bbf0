namespace Aidge.Export.Cuda;

/// <summary>
/// Declares which operator (and opset range) an <see cref="INodeEmitter"/> class emits for the CUDA target; the registry
/// (<see cref="CudaEmitters.Registry"/>) finds them by reflection, and <c>aidgec ops</c> reads the registry.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class CudaEmitterAttribute(string opType) : EmitterAttribute(opType);
