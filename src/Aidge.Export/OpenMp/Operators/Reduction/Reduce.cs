using System.Globalization;
using Aidge.Core.Tensors;
using Aidge.Export.C;
using Aidge.Export.Plan;

namespace Aidge.Export.OpenMp.Operators.Reduction;

/// <summary>
/// The Reduce* family (the shared <see cref="ReduceRows"/>), one OpenMP loop over the outputs. Axes known only at run
/// time are split into kept and reduced dims by the generated code (<see cref="RunTimeAxesHelper"/>).
/// </summary>
[OpenMpEmitter("ReduceSum")]
[OpenMpEmitter("ReduceMean")]
[OpenMpEmitter("ReduceMax")]
[OpenMpEmitter("ReduceMin")]
[OpenMpEmitter("ReduceProd")]
[OpenMpEmitter("ReduceL1")]
[OpenMpEmitter("ReduceL2")]
[OpenMpEmitter("ReduceLogSum")]
[OpenMpEmitter("ReduceLogSumExp")]
[OpenMpEmitter("ReduceSumSquare")]
public sealed class Reduce : INodeEmitter
{
    public IEnumerable<KernelCall> Plan(NodeContext node)
    {
        var operation = ReduceRows.Resolve(node, types => types);
        var input = node.Input(0);
        var output = node.Output(0);
        var helper = new ReduceHelper(operation.Op, operation.Type, operation.Accumulator, operation.Initial, operation.Step, operation.Final);
        if (ReduceRows.RunTimeAxes(node))
        {
            yield return RunTimeAxes(node, helper, ReduceRows.NoopWithEmptyAxes(node));
            yield break;
        }
        if (ReduceRows.ConstantAxes(node) is not { } axes)
        {
            yield return Copy.Call(input, output);
            yield break;
        }
        yield return new KernelCall(helper, new[]
        {
            NodeContext.Threads, input.Read, output.Write, CLiteral.Int(output.ElementCount),
            axes.KeptDims.Length.ToString(CultureInfo.InvariantCulture), CLiteral.Int64Array(axes.KeptDims), CLiteral.Int64Array(axes.KeptStrides),
            axes.Dims.Length.ToString(CultureInfo.InvariantCulture), CLiteral.Int64Array(axes.Dims), CLiteral.Int64Array(axes.Strides),
            CLiteral.Int(axes.Count),
        }.ToEquatableArray());
    }

    private static KernelCall RunTimeAxes(NodeContext node, ReduceHelper helper, bool noop)
    {
        var input = node.Input(0);
        var axes = node.Input(1);
        node.RequireType(axes, DataType.Int64);
        if (input.Rank == 0)
        {
            throw node.Unsupported("a scalar input with axes known only at run time");
        }
        return new KernelCall(new RunTimeAxesHelper(helper), new[]
        {
            NodeContext.Threads, input.Read, node.Output(0).Write, CLiteral.Int(node.Output(0).ElementCount), input.Rank.ToString(CultureInfo.InvariantCulture),
            CLiteral.Int64Array(input.Dims), axes.Read, CLiteral.Int(axes.ElementCount), noop ? "1" : "0",
        }.ToEquatableArray());
    }
}
