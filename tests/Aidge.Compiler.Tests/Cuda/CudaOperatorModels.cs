using Aidge.Core.Operators.Aidge;
using Aidge.Core.Tensors;
using Aidge.Testing;

namespace Aidge.Compiler.Tests.Cuda;

/// <summary>Small models whose every node is one of the CUDA target's operators beyond the core, one model per family.</summary>
public static class CudaOperatorModels
{
    private static readonly (string Op, (string, object)[] Attributes)[] Unary =
    [
        ("Relu", []), ("LeakyRelu", [("alpha", 0.1f)]), ("Elu", []), ("Selu", []), ("Sigmoid", []), ("HardSigmoid", []), ("HardSwish", []),
        ("Tanh", []), ("Softplus", []), ("Softsign", []), ("Gelu", []), ("Gelu", [("approximate", "tanh")]), ("Exp", []), ("Abs", []),
        ("Neg", []), ("Reciprocal", []), ("Floor", []), ("Ceil", []), ("Round", []), ("Sin", []), ("Cos", []), ("Erf", []), ("Sign", []),
        ("Atanh", []), ("Mish", []), ("Celu", []),
    ];

    /// <summary>Every unary activation on one input, each its own output; Log and Sqrt of |x|; IsNaN and IsInf give bool; Clip with constant bounds.</summary>
    public static ModelBuilder Elementwise()
    {
        var b = new ModelBuilder(opset: 20).Input("x", 2, 3, 4, 5);
        foreach (var (op, attributes) in Unary)
        {
            string y = b.Fresh(op.ToLowerInvariant());
            b.Node(op, ["x"], [y], attributes).Output(y);
        }
        b.Node("Abs", ["x"], ["ax"]).Node("Log", ["ax"], ["log"]).Output("log").Node("Sqrt", ["ax"], ["sqrt"]).Output("sqrt");
        b.Node("IsNaN", ["x"], ["nan"]).Output("nan", DataType.Bool).Node("IsInf", ["x"], ["inf"]).Output("inf", DataType.Bool);
        b.Initializer("lo", Tensor.Scalar(-0.5f)).Initializer("hi", Tensor.Scalar(0.5f));
        b.Node("Clip", ["x", "lo", "hi"], ["clip"]).Output("clip");
        b.DomainNode(AidgeDomain.Name, AidgeDomain.Version, "Gelu", ["x"], ["aidge_gelu"]).Output("aidge_gelu");
        return b;
    }

    /// <summary>Broadcasting binary operators, variadic Sum/Mean/Max, PRelu with a per-channel slope, comparisons, Mod, Cast.</summary>
    public static ModelBuilder Broadcast()
    {
        var b = new ModelBuilder(opset: 17).Input("x", 2, 3, 4, 5).Input("y", 3, 1, 5).Input("z", 5).RandomInitializer("slope", 0.3f, 3, 1, 1);
        foreach (string op in new[] { "Add", "Sub", "Mul", "Div", "Pow", "Max", "Min" })
        {
            string o = b.Fresh(op.ToLowerInvariant());
            b.Node(op, ["x", "y"], [o]).Output(o);
        }
        b.Node("Sum", ["x", "y", "z"], ["sum"]).Output("sum").Node("Mean", ["x", "z"], ["mean"]).Output("mean");
        b.Node("PRelu", ["x", "slope"], ["prelu"]).Output("prelu");
        b.Node("Greater", ["x", "y"], ["greater"]).Output("greater", DataType.Bool);
        b.Node("Mod", ["x", "y"], ["mod"], ("fmod", 1L)).Output("mod");
        b.Node("Cast", ["x"], ["int"], ("to", (long)DataType.Int32)).Output("int", DataType.Int32);
        b.Node("Cast", ["int"], ["back"], ("to", (long)DataType.Float)).Output("back");
        b.Node("Cast", ["x"], ["flag"], ("to", (long)DataType.Bool)).Output("flag", DataType.Bool);
        return b;
    }

    /// <summary>Transpose, Slice with steps, Expand, Concat, constant Pad, Gather with constant and run-time indices, Where.</summary>
    public static ModelBuilder Movement()
    {
        var b = new ModelBuilder(opset: 17).Input("x", 2, 3, 4, 5).Input("c", 3, 1, 5).Input("picks", Tensor.FromArray(new long[] { 2, 0, -1 }, 3));
        b.Node("Transpose", ["x"], ["t"], ("perm", new long[] { 0, 3, 1, 2 })).Output("t");
        b.Initializer("starts", new long[] { 1, 4 }, 2).Initializer("ends", new long[] { 3, 0 }, 2).Initializer("axes", new long[] { 1, 3 }, 2).Initializer("steps", new long[] { 1, -2 }, 2);
        b.Node("Slice", ["x", "starts", "ends", "axes", "steps"], ["s"]).Output("s");
        b.Initializer("shape", new long[] { 2, 3, 4, 5 }, 4).Node("Expand", ["c", "shape"], ["e"]).Output("e");
        b.Node("Concat", ["x", "e", "x"], ["cat"], ("axis", 1L)).Output("cat");
        b.Initializer("pads", new long[] { 0, 1, 2, -1, 0, 0, 1, 2 }, 8).Initializer("value", Tensor.Scalar(1.5f));
        b.Node("Pad", ["x", "pads", "value"], ["p"]).Output("p");
        b.Initializer("rows", new long[] { 1, 0, 1, 1 }, 2, 2).Node("Gather", ["x", "rows"], ["g"], ("axis", 2L)).Output("g");
        b.Node("Gather", ["x", "picks"], ["h"], ("axis", -1L)).Output("h");
        b.Node("Greater", ["x", "c"], ["mask"]).Node("Where", ["mask", "x", "e"], ["w"]).Output("w");
        return b;
    }

    /// <summary>Every reduction with constant axes (kept and dropped dims), BatchNormalization, LayerNormalization (ONNX and ai.aidge), InstanceNormalization.</summary>
    public static ModelBuilder Reductions()
    {
        var b = new ModelBuilder(opset: 17).Input("x", 2, 3, 4, 5).Initializer("axes", new long[] { 1, 3 }, 2);
        foreach (string op in new[] { "ReduceSum", "ReduceMean", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1", "ReduceL2", "ReduceLogSumExp", "ReduceSumSquare" })
        {
            string o = b.Fresh(op.ToLowerInvariant());
            b.Node(op, op == "ReduceSum" ? ["x", "axes"] : ["x"], [o], op == "ReduceSum" ? [("keepdims", 0L)] : [("axes", new long[] { 1, 3 })]).Output(o);
        }
        b.Node("Abs", ["x"], ["ax"]).Node("ReduceLogSum", ["ax"], ["logsum"], ("axes", new long[] { 0 })).Output("logsum");
        b.RandomInitializer("scale", 1f, 3).RandomInitializer("bias", 1f, 3).RandomInitializer("mean", 1f, 3).Initializer("var", b.UniformTensor(0.5f, 2f, 3));
        b.Node("BatchNormalization", ["x", "scale", "bias", "mean", "var"], ["bn"]).Output("bn");
        b.RandomInitializer("gamma", 1f, 4, 5).RandomInitializer("beta", 1f, 4, 5);
        b.Node("LayerNormalization", ["x", "gamma", "beta"], ["ln", "ln_mean", "ln_inv"], ("axis", -2L)).Output("ln").Output("ln_mean").Output("ln_inv");
        b.DomainNode(AidgeDomain.Name, AidgeDomain.Version, "LayerNormalization", ["x", "gamma", "beta"], ["aidge_ln"], ("axis", -2L)).Output("aidge_ln");
        b.Node("InstanceNormalization", ["x", "scale", "bias"], ["in"]).Output("in");
        return b;
    }
}
