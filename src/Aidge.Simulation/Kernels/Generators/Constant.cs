using Aidge.Core.Operators.Generators;
using Aidge.Simulation.Kernels.Movement;
using Aidge.Simulation.Runtime;

namespace Aidge.Simulation.Kernels.Generators;

/// <summary>Constant produces its attribute's tensor; ConstantOfShape fills a shape with its one-element value.</summary>
[Kernel("Constant", WidenHalfPrecision = false)]
[Kernel("ConstantOfShape", SinceVersion = 9, WidenHalfPrecision = false)]
public sealed class ConstantKernel : IKernel
{
    public void Execute(KernelContext context)
    {
        if (context.Node.OpType == "Constant")
        {
            context.SetOutput(0, ConstantFamily.ValueOf(context.Node));
            return;
        }
        var value = ConstantOfShapeFamily.FillValue(context.Node);
        if (value.Length != 1)
        {
            throw new ArgumentException($"ConstantOfShape's value must have one element, it has {value.Length}.");
        }
        context.SetOutput(0, RawElements.Filled(value.Type, context.Input(0).ToInt64Array(), value));
    }
}
